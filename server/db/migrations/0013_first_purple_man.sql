CREATE TABLE `conversation_starts` (
	`id` integer PRIMARY KEY NOT NULL,
	`scope` text NOT NULL,
	`idempotency_key` text,
	`request_hash` text NOT NULL,
	`conversation_id` integer NOT NULL,
	`outbox_id` integer NOT NULL,
	`flow_id` text NOT NULL,
	`flow_version` integer NOT NULL,
	`phone_number_id` text NOT NULL,
	`node_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversation_starts_key_idx` ON `conversation_starts` (`scope`,`idempotency_key`) WHERE "conversation_starts"."idempotency_key" IS NOT NULL;