ALTER TABLE `quarter_status` ADD `submitted_days` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `quarter_status_history` ADD `submitted_days` text DEFAULT '[]' NOT NULL;