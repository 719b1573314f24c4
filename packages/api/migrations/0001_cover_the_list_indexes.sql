DROP INDEX `sessions_type_created_at_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_type_username_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_type_address_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_type_server_name_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_last_active_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_created_at_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_username_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_address_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_server_name_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_type_idx` ON `sessions`;--> statement-breakpoint
DROP INDEX `sessions_type_last_active_idx` ON `sessions`;--> statement-breakpoint
CREATE INDEX `sessions_last_active_idx` ON `sessions` (`last_active_at`,`id`,`created_at`,`type`,`username`,`address`,`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_created_at_idx` ON `sessions` (`created_at`,`id`,`last_active_at`,`type`,`username`,`address`);--> statement-breakpoint
CREATE INDEX `sessions_username_idx` ON `sessions` (`username`,`id`,`last_active_at`,`created_at`,`type`,`address`);--> statement-breakpoint
CREATE INDEX `sessions_address_idx` ON `sessions` (`address`,`id`,`last_active_at`,`created_at`,`type`,`username`);--> statement-breakpoint
CREATE INDEX `sessions_server_name_idx` ON `sessions` (`server_name`,`id`,`last_active_at`,`created_at`,`type`,`username`,`address`);--> statement-breakpoint
CREATE INDEX `sessions_type_idx` ON `sessions` (`type`,`id`,`last_active_at`,`created_at`,`username`,`address`);--> statement-breakpoint
CREATE INDEX `sessions_type_last_active_idx` ON `sessions` (`type`,`last_active_at`,`id`,`created_at`,`username`,`address`);