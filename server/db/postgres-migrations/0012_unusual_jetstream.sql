DROP INDEX "inbound_messages_pending_contact_idx";--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD COLUMN "contact_key" text;--> statement-breakpoint
UPDATE "inbound_messages" SET "contact_key" = "wa_id" WHERE "state" = 'pending';--> statement-breakpoint
CREATE INDEX "inbound_messages_pending_contact_idx" ON "inbound_messages" USING btree ("phone_number_id","contact_key","received_at") WHERE "inbound_messages"."state" = 'pending';