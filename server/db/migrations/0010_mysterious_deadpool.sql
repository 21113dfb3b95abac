CREATE TABLE `conversation_runs` (
	`id` integer PRIMARY KEY NOT NULL,
	`conversation_id` integer NOT NULL,
	`phone_number_id` text NOT NULL,
	`wa_id` text NOT NULL,
	`contact_name` text,
	`flow_id` text NOT NULL,
	`flow_version` integer NOT NULL,
	`outcome` text NOT NULL,
	`handed_off` integer NOT NULL,
	`last_node_id` text,
	`path` text NOT NULL,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ended_at` integer
);
--> statement-breakpoint
CREATE INDEX `conversation_runs_flow_idx` ON `conversation_runs` (`flow_id`,`flow_version`,`started_at`);--> statement-breakpoint
CREATE INDEX `conversation_runs_conversation_idx` ON `conversation_runs` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `flow_counters` (
	`flow_id` text NOT NULL,
	`flow_version` integer NOT NULL,
	`hour` integer NOT NULL,
	`node_id` text NOT NULL,
	`metric` text NOT NULL,
	`key` text NOT NULL,
	`count` integer NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`flow_id`, `flow_version`, `hour`, `node_id`, `metric`, `key`)
);
--> statement-breakpoint
ALTER TABLE `conversations` ADD `run` text;--> statement-breakpoint
ALTER TABLE `message_statuses` ADD `pricing_category` text;--> statement-breakpoint
ALTER TABLE `message_statuses` ADD `pricing_type` text;--> statement-breakpoint
ALTER TABLE `message_statuses` ADD `billable` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `flow_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `flow_version` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `node_id` text;