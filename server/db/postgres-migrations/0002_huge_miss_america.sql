ALTER TABLE "conversations" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "username" text;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_user_idx" ON "conversations" USING btree ("phone_number_id","user_id") WHERE "conversations"."user_id" IS NOT NULL;