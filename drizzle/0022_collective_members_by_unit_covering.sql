DROP INDEX `collective_members_unit`;--> statement-breakpoint
CREATE INDEX `collective_members_unit` ON `collective_members` (`unit_id`,`subject_kind`,`removed_at`,`subject_id`);