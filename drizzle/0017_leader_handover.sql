ALTER TABLE `leaders` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Closed years are read-only for who leads what, too (same shape as 0014's triggers; a unit merge
-- never touches these links, so unlike task_units they are guarded).
DROP TRIGGER IF EXISTS leader_handovers_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER leader_handovers_closed_year_insert BEFORE INSERT ON leader_handovers
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS leader_handovers_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER leader_handovers_closed_year_update BEFORE UPDATE ON leader_handovers
WHEN (select closed_at from programme_years where id = NEW.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS leader_handovers_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER leader_handovers_closed_year_delete BEFORE DELETE ON leader_handovers
WHEN (select closed_at from programme_years where id = OLD.year_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_leaders_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER task_leaders_closed_year_insert BEFORE INSERT ON task_leaders
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_leaders_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER task_leaders_closed_year_update BEFORE UPDATE ON task_leaders
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = NEW.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_leaders_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER task_leaders_closed_year_delete BEFORE DELETE ON task_leaders
WHEN (select py.closed_at from tasks t join programme_years py on py.id = t.year_id where t.id = OLD.task_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS project_leaders_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER project_leaders_closed_year_insert BEFORE INSERT ON project_leaders
WHEN (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.project_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS project_leaders_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER project_leaders_closed_year_update BEFORE UPDATE ON project_leaders
WHEN (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = NEW.project_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS project_leaders_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER project_leaders_closed_year_delete BEFORE DELETE ON project_leaders
WHEN (select py.closed_at from livelihood_projects lp join programme_years py on py.id = lp.year_id where lp.id = OLD.project_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS item_leaders_closed_year_insert;
--> statement-breakpoint
CREATE TRIGGER item_leaders_closed_year_insert BEFORE INSERT ON item_leaders
WHEN (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = NEW.item_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS item_leaders_closed_year_update;
--> statement-breakpoint
CREATE TRIGGER item_leaders_closed_year_update BEFORE UPDATE ON item_leaders
WHEN (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = NEW.item_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS item_leaders_closed_year_delete;
--> statement-breakpoint
CREATE TRIGGER item_leaders_closed_year_delete BEFORE DELETE ON item_leaders
WHEN (select py.closed_at from supervision_items si join programme_years py on py.id = si.year_id where si.id = OLD.item_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'programme_year_closed');
END;
