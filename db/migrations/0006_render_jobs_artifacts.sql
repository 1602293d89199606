CREATE TABLE "artifacts" (
	"key" text NOT NULL,
	"part" integer NOT NULL,
	"parts" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "artifacts_pk" PRIMARY KEY("key","part")
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_status_ck";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "artifact_key" text;--> statement-breakpoint
CREATE INDEX "artifacts_used_idx" ON "artifacts" USING btree ("used_at");--> statement-breakpoint
CREATE INDEX "outbox_deferred_idx" ON "outbox" USING btree ("artifact_key") WHERE "outbox"."status" = 'deferred';--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_status_ck" CHECK ("outbox"."status" in ('pending', 'sent', 'failed', 'deferred', 'moved'));