CREATE TABLE `knowledge_embeddings` (
	`model` text NOT NULL,
	`content_hash` text NOT NULL,
	`dimensions` integer NOT NULL,
	`vector` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`model`, `content_hash`)
);
