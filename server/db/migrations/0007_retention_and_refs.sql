CREATE TABLE `draft_snapshots` (
	`flow_id` text NOT NULL,
	`revision` integer NOT NULL,
	`document` text NOT NULL,
	PRIMARY KEY(`flow_id`, `revision`),
	FOREIGN KEY (`flow_id`) REFERENCES `flows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `simulations` ADD `draft_revision` integer;--> statement-breakpoint
-- Simulations of a draft made before snapshots existed ran a copy nobody can name any more: they end here (test chats; a new one is one click).
DELETE FROM `simulations` WHERE `source` = 'draft';--> statement-breakpoint
ALTER TABLE `simulations` DROP COLUMN `document`;--> statement-breakpoint
CREATE INDEX `outbox_wamid_idx` ON `outbox` (`wamid`) WHERE "outbox"."wamid" IS NOT NULL;