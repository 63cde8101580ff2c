CREATE TABLE `programme_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`at` integer NOT NULL,
	`by_id` integer NOT NULL,
	`reason` text NOT NULL,
	`source` text NOT NULL,
	`changes` text NOT NULL,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `programme_changes_subject` ON `programme_changes` (`subject_kind`,`subject_id`,`at`);--> statement-breakpoint
ALTER TABLE `livelihood_projects` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `version` integer DEFAULT 1 NOT NULL;