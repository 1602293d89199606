CREATE TABLE "whatsapp_auth" (
	"session" text NOT NULL,
	"type" text NOT NULL,
	"id" text NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "whatsapp_auth_pk" PRIMARY KEY("session","type","id")
);
--> statement-breakpoint
CREATE TABLE "whatsapp_sessions" (
	"session" text PRIMARY KEY NOT NULL,
	"own_number" text,
	"linked_at" timestamp with time zone,
	"last_connected_at" timestamp with time zone,
	"lease_holder" text,
	"lease_until" timestamp with time zone
);
