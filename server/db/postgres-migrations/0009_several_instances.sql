CREATE TABLE "send_rates" (
	"phone_number_id" text PRIMARY KEY NOT NULL,
	"slot_at" double precision NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inbound_messages_pending_contact_idx" ON "inbound_messages" USING btree ("phone_number_id","wa_id","received_at") WHERE "inbound_messages"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("id") WHERE "outbox"."state" IN ('queued', 'in_flight', 'uncertain');--> statement-breakpoint
CREATE INDEX "outbox_unsent_conversation_idx" ON "outbox" USING btree ("conversation_id","id") WHERE "outbox"."state" IN ('queued', 'in_flight', 'uncertain');