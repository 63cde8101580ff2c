CREATE TABLE `report_item_metric_values` (
	`report_id` integer NOT NULL,
	`item_metric_id` integer NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`report_id`, `item_metric_id`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_metric_id`) REFERENCES `item_metrics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `item_metrics` ADD `same_as_metric_id` integer REFERENCES metrics(id);--> statement-breakpoint
-- A closed programme year is read-only for item report actuals too (same guard as report_metric_values).
CREATE TRIGGER report_item_metric_values_closed_year_insert BEFORE INSERT ON report_item_metric_values
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = NEW.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_item_metric_values_closed_year_update BEFORE UPDATE ON report_item_metric_values
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = NEW.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
CREATE TRIGGER report_item_metric_values_closed_year_delete BEFORE DELETE ON report_item_metric_values
WHEN (select py.closed_at from reports r join periods p on p.id = r.period_id join programme_years py on py.id = p.year_id where r.id = OLD.report_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
