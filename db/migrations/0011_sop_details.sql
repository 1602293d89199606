CREATE TABLE "sop_details" (
	"process_id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"details" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" text
);
--> statement-breakpoint
ALTER TABLE "sop_details" ADD CONSTRAINT "sop_details_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;