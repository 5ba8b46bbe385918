ALTER TABLE `message_threads` ADD `youth_unread` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `message_threads` ADD `staff_unread` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER unread_counts_message_insert AFTER INSERT ON messages
BEGIN
	UPDATE message_threads SET youth_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id <> message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id = message_threads.youth_id), 0)), staff_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id = message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id <> message_threads.youth_id), 0)) WHERE id = NEW.thread_id;
END;
--> statement-breakpoint
CREATE TRIGGER unread_counts_message_update AFTER UPDATE OF thread_id, sender_id, seq ON messages WHEN OLD.thread_id IS NOT NEW.thread_id OR OLD.sender_id IS NOT NEW.sender_id OR OLD.seq IS NOT NEW.seq
BEGIN
	UPDATE message_threads SET youth_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id <> message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id = message_threads.youth_id), 0)), staff_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id = message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id <> message_threads.youth_id), 0)) WHERE id = NEW.thread_id;
	UPDATE message_threads SET youth_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id <> message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id = message_threads.youth_id), 0)), staff_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id = message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id <> message_threads.youth_id), 0)) WHERE id = OLD.thread_id;
END;
--> statement-breakpoint
CREATE TRIGGER unread_counts_message_delete AFTER DELETE ON messages
BEGIN
	UPDATE message_threads SET youth_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id <> message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id = message_threads.youth_id), 0)), staff_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id = message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id <> message_threads.youth_id), 0)) WHERE id = OLD.thread_id;
END;
--> statement-breakpoint
CREATE TRIGGER unread_counts_read_insert AFTER INSERT ON message_reads
BEGIN
	UPDATE message_threads SET youth_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id <> message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id = message_threads.youth_id), 0)), staff_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id = message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id <> message_threads.youth_id), 0)) WHERE id = NEW.thread_id;
END;
--> statement-breakpoint
CREATE TRIGGER unread_counts_read_update AFTER UPDATE OF thread_id, user_id, read_seq ON message_reads WHEN OLD.thread_id IS NOT NEW.thread_id OR OLD.user_id IS NOT NEW.user_id OR OLD.read_seq IS NOT NEW.read_seq
BEGIN
	UPDATE message_threads SET youth_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id <> message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id = message_threads.youth_id), 0)), staff_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id = message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id <> message_threads.youth_id), 0)) WHERE id = NEW.thread_id;
	UPDATE message_threads SET youth_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id <> message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id = message_threads.youth_id), 0)), staff_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id = message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id <> message_threads.youth_id), 0)) WHERE id = OLD.thread_id;
END;
--> statement-breakpoint
CREATE TRIGGER unread_counts_read_delete AFTER DELETE ON message_reads
BEGIN
	UPDATE message_threads SET youth_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id <> message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id = message_threads.youth_id), 0)), staff_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id = message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id <> message_threads.youth_id), 0)) WHERE id = OLD.thread_id;
END;
--> statement-breakpoint
UPDATE message_threads SET youth_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id <> message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id = message_threads.youth_id), 0)), staff_unread = (SELECT count(*) FROM messages m WHERE m.thread_id = message_threads.id AND m.sender_id = message_threads.youth_id AND m.seq > coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = message_threads.id AND r.user_id <> message_threads.youth_id), 0));
