CREATE TABLE `sessions` (
	`id` varchar(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`token_hash` char(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`user_id` varchar(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`username` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,
	`type` varchar(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`address` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,
	`server_name` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,
	`user_agent` varchar(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`last_active_at` datetime(3) NOT NULL,
	CONSTRAINT `sessions_id` PRIMARY KEY(`id`),
	CONSTRAINT `sessions_token_hash_unique` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` varchar(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`username` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,
	`role` varchar(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`password_hash` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_username_unique` UNIQUE(`username`)
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD CONSTRAINT `sessions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_last_active_idx` ON `sessions` (`last_active_at`,`id`,`created_at`,`type`,`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_created_at_idx` ON `sessions` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_username_idx` ON `sessions` (`username`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_address_idx` ON `sessions` (`address`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_server_name_idx` ON `sessions` (`server_name`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_type_idx` ON `sessions` (`type`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_type_last_active_idx` ON `sessions` (`type`,`last_active_at`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_type_created_at_idx` ON `sessions` (`type`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_type_username_idx` ON `sessions` (`type`,`username`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_type_address_idx` ON `sessions` (`type`,`address`,`id`);--> statement-breakpoint
CREATE INDEX `sessions_type_server_name_idx` ON `sessions` (`type`,`server_name`,`id`);