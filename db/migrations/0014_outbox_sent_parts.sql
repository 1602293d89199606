ALTER TABLE "outbox" ADD COLUMN "pages_sent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "pieces_sent" integer DEFAULT 0 NOT NULL;