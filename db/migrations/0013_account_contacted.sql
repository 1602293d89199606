ALTER TABLE "channel_accounts" ADD COLUMN "contacted_at" timestamp with time zone;--> statement-breakpoint
-- Accounts already in use: Telegram ones were linked by an invitation redeemed in the chat or
-- cannot be written to first anyway; WhatsApp ones count once their chat has written.
UPDATE "channel_accounts" SET "contacted_at" = "linked_at"
 WHERE "platform" = 'telegram'
    OR EXISTS (SELECT 1 FROM "inbox" i WHERE i."chat_key" = "channel_accounts"."platform" || ':' || "channel_accounts"."account_id");
