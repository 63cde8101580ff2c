PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_coop_notes` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer,
	`project_id` integer,
	`item_id` integer,
	`period_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`text` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `livelihood_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `supervision_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "coop_notes_one_subject" CHECK((("__new_coop_notes"."task_id" is not null) + ("__new_coop_notes"."project_id" is not null) + ("__new_coop_notes"."item_id" is not null)) = 1)
);
--> statement-breakpoint
INSERT INTO `__new_coop_notes`("id", "task_id", "project_id", "item_id", "period_id", "unit_id", "text", "version", "updated_at", "updated_by_id") SELECT "id", "task_id", "project_id", NULL, "period_id", "unit_id", "text", "version", "updated_at", "updated_by_id" FROM `coop_notes`;--> statement-breakpoint
DROP TABLE `coop_notes`;--> statement-breakpoint
ALTER TABLE `__new_coop_notes` RENAME TO `coop_notes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `coop_notes_unique` ON `coop_notes` (`task_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `coop_notes_project` ON `coop_notes` (`project_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `coop_notes_item` ON `coop_notes` (`item_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `coop_notes_unit` ON `coop_notes` (`unit_id`,`period_id`);--> statement-breakpoint
CREATE TABLE `__new_report_parts` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer,
	`project_id` integer,
	`item_id` integer,
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
	FOREIGN KEY (`item_id`) REFERENCES `supervision_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "report_parts_one_subject" CHECK((("__new_report_parts"."task_id" is not null) + ("__new_report_parts"."project_id" is not null) + ("__new_report_parts"."item_id" is not null)) = 1)
);
--> statement-breakpoint
INSERT INTO `__new_report_parts`("id", "task_id", "project_id", "item_id", "period_id", "unit_id", "status", "progress", "problems", "values", "version", "first_submitted_at", "submitted_at", "submitted_by_id", "created_at", "updated_at", "updated_by_id") SELECT "id", "task_id", "project_id", NULL, "period_id", "unit_id", "status", "progress", "problems", "values", "version", "first_submitted_at", "submitted_at", "submitted_by_id", "created_at", "updated_at", "updated_by_id" FROM `report_parts`;--> statement-breakpoint
DROP TABLE `report_parts`;--> statement-breakpoint
ALTER TABLE `__new_report_parts` RENAME TO `report_parts`;--> statement-breakpoint
CREATE UNIQUE INDEX `report_parts_task` ON `report_parts` (`task_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `report_parts_project` ON `report_parts` (`project_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `report_parts_item` ON `report_parts` (`item_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `report_parts_unit` ON `report_parts` (`unit_id`,`period_id`);--> statement-breakpoint
CREATE TABLE `__new_reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer,
	`project_id` integer,
	`item_id` integer,
	`period_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`progress` text DEFAULT '' NOT NULL,
	`problems` text DEFAULT '' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`self_status` text,
	`milestone_done` integer,
	`milestone_done_on` text,
	`submitted_at` integer,
	`submitted_by_id` integer,
	`reviewed_at` integer,
	`reviewed_by_id` integer,
	`review_comment` text,
	`late_note` text,
	`confirmations` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `livelihood_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `supervision_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reports_one_subject" CHECK((("__new_reports"."task_id" is not null) + ("__new_reports"."project_id" is not null) + ("__new_reports"."item_id" is not null)) = 1)
);
--> statement-breakpoint
INSERT INTO `__new_reports`("id", "task_id", "project_id", "item_id", "period_id", "status", "version", "progress", "problems", "next_steps", "self_status", "milestone_done", "milestone_done_on", "submitted_at", "submitted_by_id", "reviewed_at", "reviewed_by_id", "review_comment", "late_note", "confirmations", "created_at", "updated_at", "updated_by_id") SELECT "id", "task_id", "project_id", NULL, "period_id", "status", "version", "progress", "problems", "next_steps", "self_status", "milestone_done", "milestone_done_on", "submitted_at", "submitted_by_id", "reviewed_at", "reviewed_by_id", "review_comment", "late_note", "confirmations", "created_at", "updated_at", "updated_by_id" FROM `reports`;--> statement-breakpoint
DROP TABLE `reports`;--> statement-breakpoint
ALTER TABLE `__new_reports` RENAME TO `reports`;--> statement-breakpoint
CREATE UNIQUE INDEX `reports_task_period` ON `reports` (`task_id`,`period_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_project_period` ON `reports` (`project_id`,`period_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_item_period` ON `reports` (`item_id`,`period_id`);--> statement-breakpoint
CREATE INDEX `reports_period_status` ON `reports` (`period_id`,`status`);--> statement-breakpoint
ALTER TABLE `notices` ADD `item_id` integer REFERENCES supervision_items(id);--> statement-breakpoint
CREATE INDEX `notices_item` ON `notices` (`item_id`);