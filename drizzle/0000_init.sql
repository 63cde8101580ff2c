CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY NOT NULL,
	`report_id` integer,
	`notice_response_id` integer,
	`filename` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_path` text NOT NULL,
	`uploaded_by_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_report` ON `attachments` (`report_id`);--> statement-breakpoint
CREATE INDEX `attachments_response` ON `attachments` (`notice_response_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`username` text,
	`role` text,
	`unit_id` integer,
	`ip` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`outcome` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_user` ON `audit_log` (`user_id`);--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `coop_notes` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`text` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coop_notes_unique` ON `coop_notes` (`task_id`,`period_id`,`unit_id`);--> statement-breakpoint
CREATE TABLE `leaders` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leaders_name_unique` ON `leaders` (`name`);--> statement-breakpoint
CREATE TABLE `livelihood_projects` (
	`id` integer PRIMARY KEY NOT NULL,
	`year_id` integer NOT NULL,
	`no` integer NOT NULL,
	`name` text NOT NULL,
	`source_document_id` integer NOT NULL,
	`source_ref` text NOT NULL,
	`needs_verification` integer DEFAULT false NOT NULL,
	`note` text,
	FOREIGN KEY (`year_id`) REFERENCES `programme_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_document_id`) REFERENCES `source_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_year_no` ON `livelihood_projects` (`year_id`,`no`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY NOT NULL,
	`ip` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_ip_at` ON `login_attempts` (`ip`,`at`);--> statement-breakpoint
CREATE TABLE `metric_quarter_targets` (
	`metric_id` integer NOT NULL,
	`quarter` integer NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`metric_id`, `quarter`),
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `metrics` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`target` real NOT NULL,
	`target_max` real,
	`unit` text NOT NULL,
	`comparator` text NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_task_position` ON `metrics` (`task_id`,`position`);--> statement-breakpoint
CREATE TABLE `notice_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`notice_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text,
	`unit_id` integer,
	`by_id` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_events_notice` ON `notice_events` (`notice_id`);--> statement-breakpoint
CREATE TABLE `notice_units` (
	`notice_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`notice_id`, `unit_id`),
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_units_unit` ON `notice_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer,
	`project_id` integer,
	`period_id` integer,
	`level` text NOT NULL,
	`serial_no` integer,
	`problem` text NOT NULL,
	`requirement` text NOT NULL,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'sent' NOT NULL,
	`escalated_from_id` integer,
	`escalated_to_leader_at` integer,
	`closed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`created_by_id` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `livelihood_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_task` ON `notices` (`task_id`);--> statement-breakpoint
CREATE INDEX `notices_status` ON `notices` (`status`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`link` text,
	`dedupe_key` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe` ON `notifications` (`user_id`,`dedupe_key`);--> statement-breakpoint
CREATE TABLE `periods` (
	`id` integer PRIMARY KEY NOT NULL,
	`year_id` integer NOT NULL,
	`quarter` integer NOT NULL,
	`code` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`due_on` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `programme_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `periods_code_unique` ON `periods` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `periods_year_quarter` ON `periods` (`year_id`,`quarter`);--> statement-breakpoint
CREATE TABLE `programme_years` (
	`id` integer PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programme_years_year_unique` ON `programme_years` (`year`);--> statement-breakpoint
CREATE TABLE `project_leaders` (
	`project_id` integer NOT NULL,
	`leader_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`project_id`, `leader_id`),
	FOREIGN KEY (`project_id`) REFERENCES `livelihood_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `project_milestones` (
	`id` integer PRIMARY KEY NOT NULL,
	`part_id` integer NOT NULL,
	`position` integer NOT NULL,
	`due` text NOT NULL,
	`text` text NOT NULL,
	`targets` text NOT NULL,
	FOREIGN KEY (`part_id`) REFERENCES `project_parts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_milestones_position` ON `project_milestones` (`part_id`,`position`);--> statement-breakpoint
CREATE TABLE `project_parts` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`baseline` text,
	`total` real,
	`total_unit` text,
	`categories` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `livelihood_projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_parts_position` ON `project_parts` (`project_id`,`position`);--> statement-breakpoint
CREATE TABLE `project_units` (
	`project_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`project_id`, `unit_id`, `role`),
	FOREIGN KEY (`project_id`) REFERENCES `livelihood_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_units_unit` ON `project_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `rag_overrides` (
	`task_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`color` text NOT NULL,
	`reason` text NOT NULL,
	`by_id` integer NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`task_id`, `period_id`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_metric_values` (
	`report_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`report_id`, `metric_id`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_part_values` (
	`report_id` integer NOT NULL,
	`part_id` integer NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`report_id`, `part_id`, `category`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`part_id`) REFERENCES `project_parts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_project_milestones` (
	`report_id` integer NOT NULL,
	`milestone_id` integer NOT NULL,
	`done` integer NOT NULL,
	`done_on` text,
	PRIMARY KEY(`report_id`, `milestone_id`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `project_milestones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_versions` (
	`id` integer PRIMARY KEY NOT NULL,
	`report_id` integer NOT NULL,
	`version_no` integer NOT NULL,
	`snapshot` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`submitted_by_id` integer NOT NULL,
	`review_status` text DEFAULT 'pending' NOT NULL,
	`review_comment` text,
	`reviewed_at` integer,
	`reviewed_by_id` integer,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_versions_no` ON `report_versions` (`report_id`,`version_no`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer,
	`project_id` integer,
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
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `livelihood_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reports_one_subject" CHECK(("reports"."task_id" is null) <> ("reports"."project_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_task_period` ON `reports` (`task_id`,`period_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_project_period` ON `reports` (`project_id`,`period_id`);--> statement-breakpoint
CREATE INDEX `reports_period_status` ON `reports` (`period_id`,`status`);--> statement-breakpoint
CREATE TABLE `sections` (
	`id` integer PRIMARY KEY NOT NULL,
	`year_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `programme_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sections_year_name` ON `sections` (`year_id`,`name`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`ip` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `source_documents` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`doc_no` text NOT NULL,
	`issued_on` text NOT NULL,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_documents_key_unique` ON `source_documents` (`key`);--> statement-breakpoint
CREATE TABLE `subsections` (
	`id` integer PRIMARY KEY NOT NULL,
	`section_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsections_section_name` ON `subsections` (`section_id`,`name`);--> statement-breakpoint
CREATE TABLE `target_sets` (
	`task_id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`locked_at` integer,
	`locked_by_id` integer,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`locked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `task_leaders` (
	`task_id` integer NOT NULL,
	`leader_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`task_id`, `leader_id`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_leaders_leader` ON `task_leaders` (`leader_id`);--> statement-breakpoint
CREATE TABLE `task_quarter_milestones` (
	`task_id` integer NOT NULL,
	`quarter` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`task_id`, `quarter`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `task_units` (
	`task_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`task_id`, `unit_id`, `role`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_units_unit` ON `task_units` (`unit_id`,`role`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY NOT NULL,
	`year_id` integer NOT NULL,
	`no` integer NOT NULL,
	`section_id` integer NOT NULL,
	`subsection_id` integer,
	`target` text NOT NULL,
	`source_document_id` integer NOT NULL,
	`source_ref` text NOT NULL,
	`needs_verification` integer DEFAULT false NOT NULL,
	`note` text,
	FOREIGN KEY (`year_id`) REFERENCES `programme_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subsection_id`) REFERENCES `subsections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_document_id`) REFERENCES `source_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_year_no` ON `tasks` (`year_id`,`no`);--> statement-breakpoint
CREATE INDEX `tasks_section` ON `tasks` (`section_id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_name_unique` ON `units` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`unit_id` integer,
	`leader_id` integer,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT true NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`password_changed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_binding" CHECK(("users"."role" = 'unit') = ("users"."unit_id" is not null)),
	CONSTRAINT "users_leader_binding" CHECK(("users"."role" = 'leader') = ("users"."leader_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);