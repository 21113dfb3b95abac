ALTER TABLE `channels` ADD `waba_id` text;--> statement-breakpoint
ALTER TABLE `channels` ADD `paused_at` integer;--> statement-breakpoint
ALTER TABLE `channels` ADD `pause_code` integer;--> statement-breakpoint
ALTER TABLE `channels` ADD `pause_reason` text;