CREATE TABLE `bulletins` (
	`id` integer PRIMARY KEY NOT NULL,
	`period_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`doc_prefix` text NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`year` integer,
	`serial_no` integer,
	`issued_on` text,
	`issued_at` integer,
	`issued_by_id` integer,
	`document` blob,
	`document_sha256` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_id` integer NOT NULL,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bulletins_one_draft` ON `bulletins` (`period_id`) WHERE "bulletins"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX `bulletins_doc_no` ON `bulletins` (`doc_prefix`,`year`,`serial_no`);--> statement-breakpoint
CREATE TABLE `leader_instructions` (
	`id` integer PRIMARY KEY NOT NULL,
	`subject_kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`notice_id` integer,
	`period_id` integer,
	`leader_id` integer NOT NULL,
	`by_id` integer NOT NULL,
	`text` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `leaders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leader_instructions_subject` ON `leader_instructions` (`subject_kind`,`subject_id`);--> statement-breakpoint
CREATE INDEX `leader_instructions_notice` ON `leader_instructions` (`notice_id`);--> statement-breakpoint
-- An issued 通报 is an official record: it is never changed or removed.
CREATE TRIGGER `bulletins_issued_read_only` BEFORE UPDATE ON `bulletins` WHEN OLD.status = 'issued' BEGIN SELECT RAISE(ABORT, 'issued bulletin is read-only'); END;--> statement-breakpoint
CREATE TRIGGER `bulletins_issued_no_delete` BEFORE DELETE ON `bulletins` WHEN OLD.status = 'issued' BEGIN SELECT RAISE(ABORT, 'issued bulletin is read-only'); END;--> statement-breakpoint
CREATE TRIGGER `leader_instructions_no_update` BEFORE UPDATE ON `leader_instructions` BEGIN SELECT RAISE(ABORT, 'leader instructions are append-only'); END;--> statement-breakpoint
CREATE TRIGGER `leader_instructions_no_delete` BEFORE DELETE ON `leader_instructions` BEGIN SELECT RAISE(ABORT, 'leader instructions are append-only'); END;
