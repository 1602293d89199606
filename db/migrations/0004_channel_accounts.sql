CREATE TABLE "channel_accounts" (
	"platform" text NOT NULL,
	"account_id" text NOT NULL,
	"person_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unreachable_since" timestamp with time zone,
	CONSTRAINT "channel_accounts_pk" PRIMARY KEY("platform","account_id")
);
--> statement-breakpoint
DROP INDEX "people_telegram_uq";--> statement-breakpoint
DROP INDEX "people_whatsapp_uq";--> statement-breakpoint
ALTER TABLE "channel_accounts" ADD CONSTRAINT "channel_accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_accounts" ADD CONSTRAINT "channel_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_accounts_person_platform_uq" ON "channel_accounts" USING btree ("person_id","platform");--> statement-breakpoint
CREATE INDEX "channel_accounts_organisation_idx" ON "channel_accounts" USING btree ("organisation_id");--> statement-breakpoint
-- Hand-written: the accounts people had on their own rows move to channel_accounts. A WhatsApp
-- number was unique per organisation only; an account now belongs to one person, so where one
-- number stood in several organisations the first (by organisation and person id) keeps it.
INSERT INTO "channel_accounts" ("platform", "account_id", "person_id", "organisation_id")
  SELECT 'telegram', "telegram_id", "id", "organisation_id" FROM "people"
   WHERE "telegram_id" IS NOT NULL
  UNION ALL
  SELECT 'whatsapp', "whatsapp", "id", "organisation_id" FROM "people"
   WHERE "whatsapp" IS NOT NULL
  ORDER BY 1, 2, 4, 3
  ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "people" DROP COLUMN "telegram_id";--> statement-breakpoint
ALTER TABLE "people" DROP COLUMN "whatsapp";--> statement-breakpoint
-- Hand-written: an account linked, moved or marked unreachable changes the organisation's people
-- as the bot keeps them in memory (Person.accounts): move its revision, as people's rows do.
CREATE TRIGGER channel_accounts_bump_organisation_revision
  AFTER INSERT OR UPDATE OR DELETE ON channel_accounts
  FOR EACH ROW EXECUTE FUNCTION probis_bump_organisation_revision();
--> statement-breakpoint
-- Hand-written: a linked person's interview is now one conversation under "person:<id>", which any
-- of their chats continues (db/repositories/chat.ts, ConversationOf). Interviews of messaging chats
-- move there; of several chats of one person, the one answered last is kept.
DELETE FROM "interviews" i USING "interviews" j, "channel_accounts" ai, "channel_accounts" aj
 WHERE i.person_id = j.person_id
   AND ai.person_id = i.person_id AND i.chat_key = ai.platform || ':' || ai.account_id
   AND aj.person_id = j.person_id AND j.chat_key = aj.platform || ':' || aj.account_id
   AND (i.updated_at, i.chat_key) < (j.updated_at, j.chat_key);--> statement-breakpoint
UPDATE "interviews" i SET chat_key = 'person:' || i.person_id
  FROM "channel_accounts" a
 WHERE i.person_id = a.person_id AND i.chat_key = a.platform || ':' || a.account_id
   AND NOT EXISTS (SELECT 1 FROM "interviews" k WHERE k.chat_key = 'person:' || i.person_id);
