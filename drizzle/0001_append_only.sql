-- Consent records are the legal trail of who agreed to what: never changed, never removed.
CREATE TRIGGER `consent_records_no_update` BEFORE UPDATE ON `consent_records`
BEGIN
	SELECT RAISE(ABORT, 'consent_records is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_records_no_delete` BEFORE DELETE ON `consent_records`
BEGIN
	SELECT RAISE(ABORT, 'consent_records is append-only');
END;
--> statement-breakpoint
-- The access log is append-only; only entries older than the retention period may be purged.
CREATE TRIGGER `access_log_no_update` BEFORE UPDATE ON `access_log`
BEGIN
	SELECT RAISE(ABORT, 'access_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `access_log_purge_only_expired` BEFORE DELETE ON `access_log`
WHEN OLD.`created_at` > (CAST(unixepoch('subsec') * 1000 AS INTEGER) - 1000 * 86400 * COALESCE((SELECT `access_log_retention_days` FROM `settings` WHERE `id` = 1), 183))
BEGIN
	SELECT RAISE(ABORT, 'access_log entries are kept for the retention period');
END;
