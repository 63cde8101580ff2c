-- A closed programme year is read-only for the records added since 0014 too: 督办事项 and their
-- metrics, the 明细台账 rows, the 月度推进节点, deputies' 建议 and 满意度测评 (same guard as 0014; like
-- task_units, an item's unit links stay movable so a unit merge can re-point them).
DROP TRIGGER IF EXISTS supervision_items_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER supervision_items_closed_year_insert BEFORE INSERT ON supervision_items
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS supervision_items_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER supervision_items_closed_year_update BEFORE UPDATE ON supervision_items
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS supervision_items_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER supervision_items_closed_year_delete BEFORE DELETE ON supervision_items
WHEN (select closed_at from programme_years where id = OLD.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS item_metrics_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER item_metrics_closed_year_insert BEFORE INSERT ON item_metrics
WHEN (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = NEW.item_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS item_metrics_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER item_metrics_closed_year_update BEFORE UPDATE ON item_metrics
WHEN (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = NEW.item_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS item_metrics_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER item_metrics_closed_year_delete BEFORE DELETE ON item_metrics
WHEN (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = OLD.item_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS register_items_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER register_items_closed_year_insert BEFORE INSERT ON register_items
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS register_items_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER register_items_closed_year_update BEFORE UPDATE ON register_items
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS register_items_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER register_items_closed_year_delete BEFORE DELETE ON register_items
WHEN (select closed_at from programme_years where id = OLD.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS monthly_node_sets_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER monthly_node_sets_closed_year_insert BEFORE INSERT ON monthly_node_sets
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS monthly_node_sets_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER monthly_node_sets_closed_year_update BEFORE UPDATE ON monthly_node_sets
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS monthly_node_sets_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER monthly_node_sets_closed_year_delete BEFORE DELETE ON monthly_node_sets
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = OLD.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS monthly_node_revisions_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER monthly_node_revisions_closed_year_insert BEFORE INSERT ON monthly_node_revisions
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS monthly_node_revisions_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER monthly_node_revisions_closed_year_update BEFORE UPDATE ON monthly_node_revisions
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = NEW.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS monthly_node_revisions_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER monthly_node_revisions_closed_year_delete BEFORE DELETE ON monthly_node_revisions
WHEN (select py.closed_at from periods p join programme_years py on py.id = p.year_id where p.id = OLD.period_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS project_suggestions_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER project_suggestions_closed_year_insert BEFORE INSERT ON project_suggestions
WHEN (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.project_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS project_suggestions_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER project_suggestions_closed_year_update BEFORE UPDATE ON project_suggestions
WHEN (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.project_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS project_suggestions_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER project_suggestions_closed_year_delete BEFORE DELETE ON project_suggestions
WHEN (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = OLD.project_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS satisfaction_rounds_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER satisfaction_rounds_closed_year_insert BEFORE INSERT ON satisfaction_rounds
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS satisfaction_rounds_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER satisfaction_rounds_closed_year_update BEFORE UPDATE ON satisfaction_rounds
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS satisfaction_rounds_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER satisfaction_rounds_closed_year_delete BEFORE DELETE ON satisfaction_rounds
WHEN (select closed_at from programme_years where id = OLD.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS satisfaction_votes_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER satisfaction_votes_closed_year_insert BEFORE INSERT ON satisfaction_votes
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS satisfaction_votes_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER satisfaction_votes_closed_year_update BEFORE UPDATE ON satisfaction_votes
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS satisfaction_votes_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER satisfaction_votes_closed_year_delete BEFORE DELETE ON satisfaction_votes
WHEN (select closed_at from programme_years where id = OLD.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
