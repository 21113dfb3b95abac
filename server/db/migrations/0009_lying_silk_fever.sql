CREATE TABLE `timers` (
	`id` integer PRIMARY KEY NOT NULL,
	`conversation_id` integer NOT NULL,
	`phone_number_id` text NOT NULL,
	`wa_id` text NOT NULL,
	`epoch` integer NOT NULL,
	`due_at` integer NOT NULL,
	`action` text NOT NULL,
	`state` text NOT NULL,
	`claimed_until` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `timers_due_idx` ON `timers` (`state`,`due_at`);--> statement-breakpoint
CREATE INDEX `timers_conversation_idx` ON `timers` (`conversation_id`,`epoch`);