-- Keep what the old tables held: task overrides become the first entries of the
-- append-only override list, and a whole-task lock becomes a lock of each quarter.
INSERT INTO `progress_overrides` (`subject_kind`, `subject_id`, `period_id`, `color`, `reason`, `by_id`, `at`) SELECT 'task', `task_id`, `period_id`, `color`, `reason`, `by_id`, `at` FROM `rag_overrides`;--> statement-breakpoint
INSERT INTO `target_locks` (`task_id`, `quarter`, `locked_at`, `locked_by_id`) SELECT s.`task_id`, q.`quarter`, s.`locked_at`, s.`locked_by_id` FROM `target_sets` s JOIN (SELECT 1 AS `quarter` UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) q WHERE s.`locked_at` IS NOT NULL AND s.`locked_by_id` IS NOT NULL;--> statement-breakpoint
DROP TABLE `rag_overrides`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_target_sets` (
	`task_id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_target_sets`("task_id", "version", "updated_at", "updated_by_id") SELECT "task_id", "version", "updated_at", "updated_by_id" FROM `target_sets`;--> statement-breakpoint
DROP TABLE `target_sets`;--> statement-breakpoint
ALTER TABLE `__new_target_sets` RENAME TO `target_sets`;--> statement-breakpoint
PRAGMA foreign_keys=ON;