CREATE TABLE `meta_flows` (
	`flow_id` text NOT NULL,
	`version` integer NOT NULL,
	`waba_id` text NOT NULL,
	`node_id` text NOT NULL,
	`meta_flow_id` text NOT NULL,
	`form_hash` text NOT NULL,
	`status` text NOT NULL,
	`validation_errors` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`flow_id`, `version`, `waba_id`, `node_id`),
	FOREIGN KEY (`flow_id`) REFERENCES `flows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `whatsapp_templates` (
	`waba_id` text NOT NULL,
	`name` text NOT NULL,
	`language` text NOT NULL,
	`template_id` text NOT NULL,
	`category` text NOT NULL,
	`status` text NOT NULL,
	`components` text NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`waba_id`, `name`, `language`)
);
