CREATE TABLE `conversation_messages` (
	`id` integer PRIMARY KEY NOT NULL,
	`conversation_id` integer NOT NULL,
	`direction` text NOT NULL,
	`body` text NOT NULL,
	`wamid` text,
	`outbox_id` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `conversation_messages_conversation_idx` ON `conversation_messages` (`conversation_id`,`id`);--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` integer PRIMARY KEY NOT NULL,
	`phone_number_id` text NOT NULL,
	`wa_id` text NOT NULL,
	`contact_name` text,
	`flow_id` text NOT NULL,
	`flow_version` integer NOT NULL,
	`status` text NOT NULL,
	`session` text NOT NULL,
	`last_user_message_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_contact_idx` ON `conversations` (`phone_number_id`,`wa_id`);--> statement-breakpoint
CREATE INDEX `conversations_status_idx` ON `conversations` (`status`);--> statement-breakpoint
CREATE TABLE `inbound_messages` (
	`wamid` text PRIMARY KEY NOT NULL,
	`phone_number_id` text NOT NULL,
	`wa_id` text NOT NULL,
	`payload` text NOT NULL,
	`state` text NOT NULL,
	`received_at` integer NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE TABLE `message_statuses` (
	`wamid` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`recipient_id` text,
	`timestamp` integer NOT NULL,
	`error_code` integer,
	`error_title` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`conversation_id` integer NOT NULL,
	`phone_number_id` text NOT NULL,
	`body` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`wamid` text,
	`error_code` integer,
	`error` text,
	`created_at` integer NOT NULL
);
