ALTER TABLE "simulations" ADD COLUMN "timers" text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "simulations" ADD COLUMN "clock_offset_ms" bigint DEFAULT 0 NOT NULL;