CREATE TABLE `register_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`year_id` integer NOT NULL,
	`part_id` integer NOT NULL,
	`kind` text NOT NULL,
	`natural_key` text NOT NULL,
	`place` text NOT NULL,
	`sub_place` text NOT NULL,
	`name` text NOT NULL,
	`severity` text,
	`measure` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`status_on` text,
	`note` text DEFAULT '' NOT NULL,
	`carried_from_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `programme_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`part_id`) REFERENCES `project_parts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `register_items_key` ON `register_items` (`year_id`,`part_id`,`natural_key`);--> statement-breakpoint
CREATE INDEX `register_items_part` ON `register_items` (`part_id`,`status`);--> statement-breakpoint
ALTER TABLE `attachments` ADD `register_item_id` integer;--> statement-breakpoint
CREATE INDEX `attachments_register_item` ON `attachments` (`register_item_id`);