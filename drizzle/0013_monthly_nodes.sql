CREATE TABLE `monthly_node_revisions` (
	`id` integer PRIMARY KEY NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`at` integer NOT NULL,
	`by_id` integer NOT NULL,
	`nodes` text NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `monthly_node_revisions_subject` ON `monthly_node_revisions` (`period_id`,`subject_kind`,`subject_id`,`at`);--> statement-breakpoint
CREATE TABLE `monthly_node_sets` (
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer NOT NULL,
	PRIMARY KEY(`period_id`, `subject_kind`, `subject_id`),
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `quarter_status` ADD `monthly_nodes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `quarter_status_history` ADD `monthly_nodes` text DEFAULT '[]' NOT NULL;