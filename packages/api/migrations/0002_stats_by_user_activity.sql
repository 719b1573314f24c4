CREATE INDEX `sessions_user_activity_idx` ON `sessions` (`user_id`,`last_active_at`,`created_at`,`type`);--> statement-breakpoint
DROP INDEX `sessions_user_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_last_active_idx` ON `sessions`;--> statement-breakpoint
CREATE INDEX `sessions_last_active_idx` ON `sessions` (`last_active_at`,`id`,`created_at`,`type`,`username`,`address`);
