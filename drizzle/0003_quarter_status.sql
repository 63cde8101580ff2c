CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `progress_overrides` (
	`id` integer PRIMARY KEY NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`color` text,
	`reason` text NOT NULL,
	`by_id` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `progress_overrides_subject` ON `progress_overrides` (`period_id`,`subject_kind`,`subject_id`,`at`);--> statement-breakpoint
CREATE TABLE `quarter_status` (
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`valid_from` integer NOT NULL,
	`report_state` text,
	`version_no` integer,
	`first_submitted_at` integer,
	`first_submitted_day` text,
	`last_submitted_at` integer,
	`computed_progress` text NOT NULL,
	`progress` text NOT NULL,
	`override_color` text,
	`override_reason` text,
	`override_by_name` text,
	`override_at` integer,
	`reasons` text NOT NULL,
	`worst_shortfall` real NOT NULL,
	PRIMARY KEY(`period_id`, `subject_kind`, `subject_id`),
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quarter_status_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`valid_from` integer NOT NULL,
	`report_state` text,
	`version_no` integer,
	`first_submitted_at` integer,
	`first_submitted_day` text,
	`last_submitted_at` integer,
	`computed_progress` text NOT NULL,
	`progress` text NOT NULL,
	`override_color` text,
	`override_reason` text,
	`override_by_name` text,
	`override_at` integer,
	`reasons` text NOT NULL,
	`worst_shortfall` real NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quarter_status_history_key` ON `quarter_status_history` (`period_id`,`subject_kind`,`subject_id`,`valid_from`);--> statement-breakpoint
CREATE TABLE `target_change_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`task_id` integer NOT NULL,
	`quarter` integer NOT NULL,
	`before` text NOT NULL,
	`proposed` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`requested_by_id` integer NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_by_id` integer,
	`decided_at` integer,
	`decision_comment` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `target_change_requests_task` ON `target_change_requests` (`task_id`,`quarter`);--> statement-breakpoint
CREATE INDEX `target_change_requests_status` ON `target_change_requests` (`status`);--> statement-breakpoint
CREATE TABLE `target_locks` (
	`task_id` integer NOT NULL,
	`quarter` integer NOT NULL,
	`locked_at` integer NOT NULL,
	`locked_by_id` integer NOT NULL,
	PRIMARY KEY(`task_id`, `quarter`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`locked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_project` ON `notices` (`project_id`);--> statement-breakpoint
CREATE INDEX `notices_escalated_from` ON `notices` (`escalated_from_id`);