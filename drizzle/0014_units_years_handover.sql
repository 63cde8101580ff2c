CREATE TABLE `leader_handovers` (
	`id` integer PRIMARY KEY NOT NULL,
	`year_id` integer NOT NULL,
	`from_leader_id` integer NOT NULL,
	`to_leader_id` integer NOT NULL,
	`post` text,
	`effective_on` text NOT NULL,
	`reason` text NOT NULL,
	`source` text NOT NULL,
	`subjects` text NOT NULL,
	`by_id` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `programme_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `project_carryovers` (
	`id` integer PRIMARY KEY NOT NULL,
	`from_part_id` integer NOT NULL,
	`to_part_id` integer NOT NULL,
	`total` real NOT NULL,
	`completed` real,
	`remaining` real NOT NULL,
	`completed_by_category` text NOT NULL,
	`basis` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`from_part_id`) REFERENCES `project_parts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_part_id`) REFERENCES `project_parts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_carryovers_from` ON `project_carryovers` (`from_part_id`,`to_part_id`);--> statement-breakpoint
CREATE TABLE `unit_former_names` (
	`id` integer PRIMARY KEY NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`how` text NOT NULL,
	`from_unit_id` integer NOT NULL,
	`until` integer NOT NULL,
	`reason` text NOT NULL,
	`source` text NOT NULL,
	`by_id` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_former_names_unit` ON `unit_former_names` (`unit_id`);--> statement-breakpoint
CREATE INDEX `unit_former_names_name` ON `unit_former_names` (`name`);--> statement-breakpoint
ALTER TABLE `programme_years` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `programme_years` ADD `closed_by_id` integer;--> statement-breakpoint
ALTER TABLE `units` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `units` ADD `merged_into_id` integer;--> statement-breakpoint
ALTER TABLE `units` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- data:
-- Not data, but hand-written like 0001: a closed programme year is read-only. Every write to a
-- year's records is refused here, whichever code path makes it (the app answers in Chinese,
-- app/_lib/errors.ts). Re-pointing a merged unit (unit_id) is allowed on report parts, 配合情况 and events.
CREATE TRIGGER tasks_closed_year_insert BEFORE INSERT ON tasks
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER tasks_closed_year_update BEFORE UPDATE ON tasks
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER tasks_closed_year_delete BEFORE DELETE ON tasks
WHEN (select closed_at from programme_years where id = OLD.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER livelihood_projects_closed_year_insert BEFORE INSERT ON livelihood_projects
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER livelihood_projects_closed_year_update BEFORE UPDATE ON livelihood_projects
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER livelihood_projects_closed_year_delete BEFORE DELETE ON livelihood_projects
WHEN (select closed_at from programme_years where id = OLD.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER periods_closed_year_update BEFORE UPDATE ON periods
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER periods_closed_year_delete BEFORE DELETE ON periods
WHEN (select closed_at from programme_years where id = OLD.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER metrics_closed_year_insert BEFORE INSERT ON metrics
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER metrics_closed_year_update BEFORE UPDATE ON metrics
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER metrics_closed_year_delete BEFORE DELETE ON metrics
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = OLD.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER project_parts_closed_year_insert BEFORE INSERT ON project_parts
WHEN (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.project_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER project_parts_closed_year_update BEFORE UPDATE ON project_parts
WHEN (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.project_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER project_parts_closed_year_delete BEFORE DELETE ON project_parts
WHEN (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = OLD.project_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER project_milestones_closed_year_insert BEFORE INSERT ON project_milestones
WHEN (select (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = pp.project_id) from project_parts pp where pp.id = NEW.part_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER project_milestones_closed_year_update BEFORE UPDATE ON project_milestones
WHEN (select (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = pp.project_id) from project_parts pp where pp.id = NEW.part_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER project_milestones_closed_year_delete BEFORE DELETE ON project_milestones
WHEN (select (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = pp.project_id) from project_parts pp where pp.id = OLD.part_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
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
--> statement-breakpoint
CREATE TRIGGER report_parts_closed_year_insert BEFORE INSERT ON report_parts
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_parts_closed_year_update BEFORE UPDATE OF `task_id`, `project_id`, `period_id`, `status`, `progress`, `problems`, `values`, `version`, `first_submitted_at`, `submitted_at`, `submitted_by_id`, `updated_at` ON report_parts
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
CREATE TRIGGER coop_notes_closed_year_update BEFORE UPDATE OF `task_id`, `project_id`, `period_id`, `text`, `version`, `updated_at` ON coop_notes
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
CREATE TRIGGER progress_overrides_closed_year_insert BEFORE INSERT ON progress_overrides
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER progress_overrides_closed_year_update BEFORE UPDATE ON progress_overrides
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER progress_overrides_closed_year_delete BEFORE DELETE ON progress_overrides
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = OLD.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER bulletins_closed_year_insert BEFORE INSERT ON bulletins
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER bulletins_closed_year_update BEFORE UPDATE ON bulletins
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER bulletins_closed_year_delete BEFORE DELETE ON bulletins
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = OLD.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER notices_closed_year_insert BEFORE INSERT ON notices
WHEN coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.project_id)) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER notices_closed_year_update BEFORE UPDATE ON notices
WHEN coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.project_id)) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER notices_closed_year_delete BEFORE DELETE ON notices
WHEN coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = OLD.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = OLD.project_id)) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER notice_events_closed_year_insert BEFORE INSERT ON notice_events
WHEN (select coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = n.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = n.project_id)) from notices n where n.id = NEW.notice_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER notice_events_closed_year_update BEFORE UPDATE OF `notice_id`, `kind`, `text`, `by_id`, `at`, `deadline` ON notice_events
WHEN (select coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = n.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = n.project_id)) from notices n where n.id = NEW.notice_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER notice_events_closed_year_delete BEFORE DELETE ON notice_events
WHEN (select coalesce((select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = n.task_id), (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = n.project_id)) from notices n where n.id = OLD.notice_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER target_sets_closed_year_insert BEFORE INSERT ON target_sets
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER target_sets_closed_year_update BEFORE UPDATE ON target_sets
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER target_sets_closed_year_delete BEFORE DELETE ON target_sets
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = OLD.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER target_locks_closed_year_insert BEFORE INSERT ON target_locks
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER target_locks_closed_year_update BEFORE UPDATE ON target_locks
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER target_locks_closed_year_delete BEFORE DELETE ON target_locks
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = OLD.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER target_change_requests_closed_year_insert BEFORE INSERT ON target_change_requests
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER target_change_requests_closed_year_update BEFORE UPDATE ON target_change_requests
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER target_change_requests_closed_year_delete BEFORE DELETE ON target_change_requests
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = OLD.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER task_quarter_milestones_closed_year_insert BEFORE INSERT ON task_quarter_milestones
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER task_quarter_milestones_closed_year_update BEFORE UPDATE ON task_quarter_milestones
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER task_quarter_milestones_closed_year_delete BEFORE DELETE ON task_quarter_milestones
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = OLD.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER metric_quarter_targets_closed_year_insert BEFORE INSERT ON metric_quarter_targets
WHEN (select (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = m.task_id) from metrics m where m.id = NEW.metric_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER metric_quarter_targets_closed_year_update BEFORE UPDATE ON metric_quarter_targets
WHEN (select (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = m.task_id) from metrics m where m.id = NEW.metric_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER metric_quarter_targets_closed_year_delete BEFORE DELETE ON metric_quarter_targets
WHEN (select (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = m.task_id) from metrics m where m.id = OLD.metric_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER leader_instructions_closed_year_insert BEFORE INSERT ON leader_instructions
WHEN (case NEW.subject_kind when 'task' then (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.subject_id) else (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.subject_id) end) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER leader_instructions_closed_year_update BEFORE UPDATE ON leader_instructions
WHEN (case NEW.subject_kind when 'task' then (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.subject_id) else (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.subject_id) end) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER leader_instructions_closed_year_delete BEFORE DELETE ON leader_instructions
WHEN (case OLD.subject_kind when 'task' then (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = OLD.subject_id) else (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = OLD.subject_id) end) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER programme_changes_closed_year_insert BEFORE INSERT ON programme_changes
WHEN (case NEW.subject_kind when 'task' then (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.subject_id) else (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.subject_id) end) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER programme_changes_closed_year_update BEFORE UPDATE ON programme_changes
WHEN (case NEW.subject_kind when 'task' then (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.subject_id) else (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.subject_id) end) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER programme_changes_closed_year_delete BEFORE DELETE ON programme_changes
WHEN (case OLD.subject_kind when 'task' then (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = OLD.subject_id) else (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = OLD.subject_id) end) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
