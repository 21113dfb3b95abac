ALTER TABLE `simulations` ADD `timers` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `simulations` ADD `clock_offset_ms` integer DEFAULT 0 NOT NULL;