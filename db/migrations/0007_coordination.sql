CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"unit_ids" jsonb NOT NULL,
	"deadline" date NOT NULL,
	"remind_after_days" integer DEFAULT 3 NOT NULL,
	"created_by_person_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "campaigns_unit_ids_ck" CHECK (jsonb_typeof("campaigns"."unit_ids") = 'array'),
	CONSTRAINT "campaigns_remind_ck" CHECK ("campaigns"."remind_after_days" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "person_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"organisation_id" text NOT NULL,
	"person_id" text NOT NULL,
	"input" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "person_events_outcome_ck" CHECK ("person_events"."outcome" is null or "person_events"."outcome" in ('delivered', 'unreachable', 'refused')),
	CONSTRAINT "person_events_delivered_ck" CHECK (("person_events"."delivered_at" is null) = ("person_events"."outcome" is null))
);
--> statement-breakpoint
DROP INDEX "inbox_chat_idx";--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD COLUMN "counterpart_process_id" text;--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD COLUMN "counterpart_name" text;--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD COLUMN "settlement" text;--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD COLUMN "settled_by_person_id" text;--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD COLUMN "settled_at" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_events" ADD CONSTRAINT "person_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_events" ADD CONSTRAINT "person_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_organisation_idx" ON "campaigns" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "person_events_key_uq" ON "person_events" USING btree ("key");--> statement-breakpoint
CREATE INDEX "person_events_undelivered_idx" ON "person_events" USING btree ("id") WHERE "person_events"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "person_events_person_idx" ON "person_events" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "person_events_organisation_idx" ON "person_events" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "inbox_chat_received_idx" ON "inbox" USING btree ("chat_key","received_at");--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD CONSTRAINT "handoff_confirmations_settlement_ck" CHECK ("handoff_confirmations"."settlement" is null or "handoff_confirmations"."settlement" in ('upheld', 'sender-corrects'));--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD CONSTRAINT "handoff_confirmations_settled_ck" CHECK (("handoff_confirmations"."settlement" is null) = ("handoff_confirmations"."settled_at" is null));--> statement-breakpoint
-- ---- Hand-written (not generated): a person event is written once and delivered once. --------
-- Only its delivery (delivered_at, outcome) may change, and only while it is undelivered: a
-- reminder cannot be re-sent by clearing its mark, nor its words changed after it was queued.
CREATE OR REPLACE FUNCTION probis_person_event_delivery_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.delivered_at IS NOT NULL
     OR NEW.id <> OLD.id OR NEW.key <> OLD.key OR NEW.organisation_id <> OLD.organisation_id
     OR NEW.person_id <> OLD.person_id OR NEW.input <> OLD.input
     OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'person_events: only an undelivered event''s delivery may change'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_events_delivery_only
  BEFORE UPDATE ON person_events
  FOR EACH ROW EXECUTE FUNCTION probis_person_event_delivery_only();
