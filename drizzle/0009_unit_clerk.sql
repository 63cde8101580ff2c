CREATE TABLE `collective_members` (
	`id` integer PRIMARY KEY NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`descriptor_unit_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`basis` text NOT NULL,
	`needs_verification` integer DEFAULT false NOT NULL,
	`note` text,
	`added_by_id` integer,
	`added_at` integer NOT NULL,
	`removed_at` integer,
	`removed_by_id` integer,
	FOREIGN KEY (`descriptor_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `collective_members_key` ON `collective_members` (`subject_kind`,`subject_id`,`descriptor_unit_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `collective_members_unit` ON `collective_members` (`unit_id`);--> statement-breakpoint
CREATE TABLE `report_parts` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer,
	`project_id` integer,
	`period_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`progress` text DEFAULT '' NOT NULL,
	`problems` text DEFAULT '' NOT NULL,
	`values` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`first_submitted_at` integer,
	`submitted_at` integer,
	`submitted_by_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `livelihood_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "report_parts_one_subject" CHECK(("report_parts"."task_id" is null) <> ("report_parts"."project_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_parts_task` ON `report_parts` (`task_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `report_parts_project` ON `report_parts` (`project_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `report_parts_unit` ON `report_parts` (`unit_id`,`period_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_coop_notes` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer,
	`project_id` integer,
	`period_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`text` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `livelihood_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "coop_notes_one_subject" CHECK(("__new_coop_notes"."task_id" is null) <> ("__new_coop_notes"."project_id" is null))
);
--> statement-breakpoint
INSERT INTO `__new_coop_notes`("id", "task_id", "period_id", "unit_id", "text", "version", "updated_at", "updated_by_id") SELECT "id", "task_id", "period_id", "unit_id", "text", "version", "updated_at", "updated_by_id" FROM `coop_notes`;--> statement-breakpoint
DROP TABLE `coop_notes`;--> statement-breakpoint
ALTER TABLE `__new_coop_notes` RENAME TO `coop_notes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `coop_notes_unique` ON `coop_notes` (`task_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `coop_notes_project` ON `coop_notes` (`project_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `coop_notes_unit` ON `coop_notes` (`unit_id`,`period_id`);--> statement-breakpoint
ALTER TABLE `attachments` ADD `coop_note_id` integer;--> statement-breakpoint
ALTER TABLE `attachments` ADD `report_part_id` integer;--> statement-breakpoint
CREATE INDEX `attachments_coop_note` ON `attachments` (`coop_note_id`);--> statement-breakpoint
CREATE INDEX `attachments_report_part` ON `attachments` (`report_part_id`);--> statement-breakpoint
CREATE INDEX `attachments_staged` ON `attachments` (`uploaded_by_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `livelihood_projects` ADD `verification_note` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `reports` ADD `late_note` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `confirmations` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `tasks` ADD `verification_note` text;