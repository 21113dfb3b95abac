ALTER TABLE `conversations` ADD `user_id` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `username` text;--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_user_idx` ON `conversations` (`phone_number_id`,`user_id`) WHERE "conversations"."user_id" IS NOT NULL;