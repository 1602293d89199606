CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_person_id" text,
	"actor_system" text,
	"organisation_id" text,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_log_actor_ck" CHECK (("audit_log"."actor_person_id" is null) <> ("audit_log"."actor_system" is null))
);
--> statement-breakpoint
CREATE TABLE "chat_locks" (
	"chat_key" text PRIMARY KEY NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flow_edges" (
	"process_id" text NOT NULL,
	"edge_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"from_node_id" text NOT NULL,
	"to_node_id" text NOT NULL,
	"label" text,
	"document" text,
	CONSTRAINT "flow_edges_pk" PRIMARY KEY("process_id","edge_id")
);
--> statement-breakpoint
CREATE TABLE "flow_nodes" (
	"process_id" text NOT NULL,
	"node_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"performer_unit_id" text,
	"performer_position" text,
	"kelengkapan" text[] DEFAULT '{}'::text[] NOT NULL,
	"waktu_value" double precision,
	"waktu_unit" text,
	"output" text,
	"keterangan" text,
	CONSTRAINT "flow_nodes_pk" PRIMARY KEY("process_id","node_id"),
	CONSTRAINT "flow_nodes_kind_ck" CHECK ("flow_nodes"."kind" in ('start', 'end', 'activity', 'decision')),
	CONSTRAINT "flow_nodes_waktu_ck" CHECK (("flow_nodes"."waktu_value" is null) = ("flow_nodes"."waktu_unit" is null))
);
--> statement-breakpoint
CREATE TABLE "handoff_confirmations" (
	"process_id" text NOT NULL,
	"key" text NOT NULL,
	"ordinal" integer NOT NULL,
	"state" text NOT NULL,
	"by_person_id" text,
	"at" text,
	"note" text,
	CONSTRAINT "handoff_confirmations_pk" PRIMARY KEY("process_id","key"),
	CONSTRAINT "handoff_confirmations_state_ck" CHECK ("handoff_confirmations"."state" in ('pending', 'confirmed', 'disputed'))
);
--> statement-breakpoint
CREATE TABLE "inbox" (
	"platform" text NOT NULL,
	"update_key" text NOT NULL,
	"chat_key" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"error_code" text,
	CONSTRAINT "inbox_pk" PRIMARY KEY("platform","update_key"),
	CONSTRAINT "inbox_status_ck" CHECK ("inbox"."status" in ('done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"chat_key" text PRIMARY KEY NOT NULL,
	"person_id" text,
	"state" jsonb NOT NULL,
	"state_version" integer NOT NULL,
	"revision" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"token" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"person_id" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_platform_id" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"code_prefix" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"chat_key" text NOT NULL,
	"platform" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"platform_message_id" text,
	"last_error" text,
	CONSTRAINT "outbox_status_ck" CHECK ("outbox"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	"position" text NOT NULL,
	"unit_id" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"nip" text,
	"telegram_id" text,
	"whatsapp" text,
	"language" text DEFAULT 'id' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processes" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"parent_id" text,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"owner_unit_id" text,
	"legal_basis" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"has_flow" boolean NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processes_version_ck" CHECK ("processes"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "sipoc_items" (
	"process_id" text NOT NULL,
	"direction" text NOT NULL,
	"item_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	"party_unit_id" text,
	"party_name" text,
	CONSTRAINT "sipoc_items_pk" PRIMARY KEY("process_id","direction","item_id"),
	CONSTRAINT "sipoc_items_direction_ck" CHECK ("sipoc_items"."direction" in ('input', 'output')),
	CONSTRAINT "sipoc_items_party_ck" CHECK ("sipoc_items"."party_unit_id" is null or "sipoc_items"."party_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" text,
	"short_name" text
);
--> statement-breakpoint
ALTER TABLE "flow_edges" ADD CONSTRAINT "flow_edges_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_nodes" ADD CONSTRAINT "flow_nodes_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_nodes" ADD CONSTRAINT "flow_nodes_performer_unit_id_units_id_fk" FOREIGN KEY ("performer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD CONSTRAINT "handoff_confirmations_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_confirmations" ADD CONSTRAINT "handoff_confirmations_by_person_id_people_id_fk" FOREIGN KEY ("by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processes" ADD CONSTRAINT "processes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processes" ADD CONSTRAINT "processes_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processes" ADD CONSTRAINT "processes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sipoc_items" ADD CONSTRAINT "sipoc_items_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sipoc_items" ADD CONSTRAINT "sipoc_items_party_unit_id_units_id_fk" FOREIGN KEY ("party_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_organisation_idx" ON "audit_log" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_id","id");--> statement-breakpoint
CREATE INDEX "flow_nodes_performer_idx" ON "flow_nodes" USING btree ("performer_unit_id");--> statement-breakpoint
CREATE INDEX "handoff_confirmations_person_idx" ON "handoff_confirmations" USING btree ("by_person_id");--> statement-breakpoint
CREATE INDEX "inbox_chat_idx" ON "inbox" USING btree ("chat_key");--> statement-breakpoint
CREATE INDEX "inbox_received_idx" ON "inbox" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "invitations_person_idx" ON "invitations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("platform","next_attempt_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_chat_pending_idx" ON "outbox" USING btree ("chat_key","id") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "people_telegram_uq" ON "people" USING btree ("telegram_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_whatsapp_uq" ON "people" USING btree ("organisation_id","whatsapp");--> statement-breakpoint
CREATE INDEX "people_organisation_idx" ON "people" USING btree ("organisation_id","ordinal");--> statement-breakpoint
CREATE INDEX "people_unit_idx" ON "people" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "processes_code_uq" ON "processes" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE INDEX "processes_parent_idx" ON "processes" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "sipoc_items_party_idx" ON "sipoc_items" USING btree ("party_unit_id");--> statement-breakpoint
CREATE INDEX "units_organisation_idx" ON "units" USING btree ("organisation_id","ordinal");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");