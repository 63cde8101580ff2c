-- Hand-written: the closed-year guards of the tables under reports read reports; SQLite refuses to
-- rename __new_reports while they name a dropped table, so they are dropped here and re-created
-- unchanged at the end (below -- data:).
DROP TRIGGER IF EXISTS report_versions_closed_year_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_versions_closed_year_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_versions_closed_year_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_metric_values_closed_year_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_metric_values_closed_year_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_metric_values_closed_year_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_part_values_closed_year_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_part_values_closed_year_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_part_values_closed_year_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_project_milestones_closed_year_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_project_milestones_closed_year_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_project_milestones_closed_year_delete;
--> statement-breakpoint
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
CREATE INDEX `notices_item` ON `notices` (`item_id`);--> statement-breakpoint
-- data:
-- Hand-written, as in 0014: rebuilding reports, report_parts and coop_notes above dropped their
-- closed-year guards; they are re-created as 0014 made them (the year comes from the period, so an
-- item's report is guarded too; item_id joins the guarded columns of an UPDATE OF trigger). The
-- notices and notice_events guards found the year through the task or the project only: they now
-- also find it through the 督办事项. Last, the guards of the tables under reports dropped at the top
-- come back as 0014 made them.
CREATE TRIGGER reports_closed_year_insert BEFORE INSERT ON reports
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER reports_closed_year_update BEFORE UPDATE ON reports
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER reports_closed_year_delete BEFORE DELETE ON reports
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = OLD.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_parts_closed_year_insert BEFORE INSERT ON report_parts
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_parts_closed_year_update BEFORE UPDATE OF `task_id`, `project_id`, `item_id`, `period_id`, `status`, `progress`, `problems`, `values`, `version`, `first_submitted_at`, `submitted_at`, `submitted_by_id`, `updated_at` ON report_parts
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_parts_closed_year_delete BEFORE DELETE ON report_parts
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = OLD.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER coop_notes_closed_year_insert BEFORE INSERT ON coop_notes
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER coop_notes_closed_year_update BEFORE UPDATE OF `task_id`, `project_id`, `item_id`, `period_id`, `text`, `version`, `updated_at` ON coop_notes
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER coop_notes_closed_year_delete BEFORE DELETE ON coop_notes
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = OLD.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS notices_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER notices_closed_year_insert BEFORE INSERT ON notices
WHEN coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.project_id), (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = NEW.item_id)) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS notices_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER notices_closed_year_update BEFORE UPDATE ON notices
WHEN coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.project_id), (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = NEW.item_id)) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS notices_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER notices_closed_year_delete BEFORE DELETE ON notices
WHEN coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = OLD.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = OLD.project_id), (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = OLD.item_id)) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS notice_events_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER notice_events_closed_year_insert BEFORE INSERT ON notice_events
WHEN (select coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = n.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = n.project_id), (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = n.item_id)) from notices n where n.id = NEW.notice_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS notice_events_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER notice_events_closed_year_update BEFORE UPDATE OF `notice_id`, `kind`, `text`, `by_id`, `at`, `deadline` ON notice_events
WHEN (select coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = n.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = n.project_id), (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = n.item_id)) from notices n where n.id = NEW.notice_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS notice_events_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER notice_events_closed_year_delete BEFORE DELETE ON notice_events
WHEN (select coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = n.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = n.project_id), (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = n.item_id)) from notices n where n.id = OLD.notice_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_closed_year_insert BEFORE INSERT ON report_versions
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = NEW.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_closed_year_update BEFORE UPDATE ON report_versions
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = NEW.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_closed_year_delete BEFORE DELETE ON report_versions
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = OLD.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_metric_values_closed_year_insert BEFORE INSERT ON report_metric_values
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = NEW.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_metric_values_closed_year_update BEFORE UPDATE ON report_metric_values
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = NEW.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_metric_values_closed_year_delete BEFORE DELETE ON report_metric_values
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = OLD.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_part_values_closed_year_insert BEFORE INSERT ON report_part_values
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = NEW.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_part_values_closed_year_update BEFORE UPDATE ON report_part_values
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = NEW.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_part_values_closed_year_delete BEFORE DELETE ON report_part_values
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = OLD.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_project_milestones_closed_year_insert BEFORE INSERT ON report_project_milestones
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = NEW.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_project_milestones_closed_year_update BEFORE UPDATE ON report_project_milestones
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = NEW.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_project_milestones_closed_year_delete BEFORE DELETE ON report_project_milestones
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = OLD.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
