CREATE TABLE `item_leaders` (
	`item_id` integer NOT NULL,
	`leader_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`item_id`, `leader_id`),
	FOREIGN KEY (`item_id`) REFERENCES `supervision_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_leaders_leader` ON `item_leaders` (`leader_id`);--> statement-breakpoint
CREATE TABLE `item_metrics` (
	`id` integer PRIMARY KEY NOT NULL,
	`item_id` integer NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`target` real NOT NULL,
	`target_max` real,
	`unit` text NOT NULL,
	`comparator` text NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `supervision_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_metrics_position` ON `item_metrics` (`item_id`,`position`);--> statement-breakpoint
CREATE TABLE `item_units` (
	`item_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`item_id`, `unit_id`, `role`),
	FOREIGN KEY (`item_id`) REFERENCES `supervision_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_units_unit` ON `item_units` (`unit_id`,`role`);--> statement-breakpoint
CREATE TABLE `supervision_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`year_id` integer NOT NULL,
	`no` integer NOT NULL,
	`source` text NOT NULL,
	`source_document_id` integer,
	`source_ref` text NOT NULL,
	`headings` text NOT NULL,
	`text` text NOT NULL,
	`duty` text,
	`cadence` text,
	`deadline` text,
	`linked_task_id` integer,
	`instruction_id` integer,
	`needs_verification` integer DEFAULT false NOT NULL,
	`note` text,
	`verification_note` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `programme_years`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_document_id`) REFERENCES `source_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instruction_id`) REFERENCES `leader_instructions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supervision_items_year_no` ON `supervision_items` (`year_id`,`no`);--> statement-breakpoint
CREATE INDEX `supervision_items_source` ON `supervision_items` (`year_id`,`source`);