CREATE TABLE "process_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "process_notes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" text NOT NULL,
	"process_id" text NOT NULL,
	"node_id" text,
	"by_person_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"text" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_person_id" text
);
--> statement-breakpoint
CREATE TABLE "process_review_events" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "process_review_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" text NOT NULL,
	"process_id" text NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"by_person_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"comment" text,
	CONSTRAINT "process_review_events_kind_ck" CHECK ("process_review_events"."kind" in ('submitted', 'approved', 'returned', 'validated'))
);
--> statement-breakpoint
CREATE TABLE "process_snapshots" (
	"review_event_id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"version" integer NOT NULL,
	"model" jsonb NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD COLUMN "from_unit_id" text;--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD COLUMN "to_unit_id" text;--> statement-breakpoint
ALTER TABLE "process_snapshots" ADD CONSTRAINT "process_snapshots_review_event_id_process_review_events_id_fk" FOREIGN KEY ("review_event_id") REFERENCES "public"."process_review_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "process_notes_process_idx" ON "process_notes" USING btree ("process_id","seq");--> statement-breakpoint
CREATE INDEX "process_review_events_process_idx" ON "process_review_events" USING btree ("process_id","seq");--> statement-breakpoint
CREATE INDEX "process_review_events_organisation_idx" ON "process_review_events" USING btree ("organisation_id","seq");--> statement-breakpoint
CREATE INDEX "process_snapshots_process_idx" ON "process_snapshots" USING btree ("process_id","version");--> statement-breakpoint
-- ---- Hand-written (not generated): review events and snapshots are append-only. -------------
-- A submitted or approved version is kept whole and can never be changed or removed, not by any
-- code nor any tool that speaks SQL (TRUNCATE, for tests, is a statement and not a row change).
CREATE OR REPLACE FUNCTION probis_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER process_review_events_append_only
  BEFORE UPDATE OR DELETE ON process_review_events
  FOR EACH ROW EXECUTE FUNCTION probis_append_only();
--> statement-breakpoint
CREATE TRIGGER process_snapshots_append_only
  BEFORE UPDATE OR DELETE ON process_snapshots
  FOR EACH ROW EXECUTE FUNCTION probis_append_only();
