ALTER TABLE `checkins` ADD `followed_up_at` integer;--> statement-breakpoint
ALTER TABLE `checkins` ADD `followed_up_by` text REFERENCES users(id);
--> statement-breakpoint
-- The check-ins' low flag leaves the lists once followed up (issue 20): the caseload_index triggers and fill again, as db/caseload-index.ts writes them.
DROP TRIGGER IF EXISTS caseload_index_users_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_users_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_guide_assignments_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_guide_assignments_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_guide_assignments_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_youth_status_history_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_youth_status_history_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_youth_status_history_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_plans_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_plans_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_plans_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_plan_steps_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_plan_steps_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_plan_steps_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_checkins_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_checkins_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_checkins_delete;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_checkin_schedules_insert;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_checkin_schedules_update;
--> statement-breakpoint
DROP TRIGGER IF EXISTS caseload_index_checkin_schedules_delete;
--> statement-breakpoint
DELETE FROM caseload_index;
--> statement-breakpoint
CREATE TRIGGER caseload_index_users_insert AFTER INSERT ON users WHEN NEW.role = 'youth'
BEGIN
	INSERT INTO caseload_index (youth_id, name_key, birth_date, disabled, guide_id, status, plan_agreement, overdue_from, checkin_running, checkin_score, checkin_missed_after)
	VALUES (NEW.id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(NEW.display_name), 'Æ', '{'), 'æ', '{'), 'Ä', '{'), 'ä', '{'), 'Ø', '|'), 'ø', '|'), 'Ö', '|'), 'ö', '|'), 'Å', '}'), 'å', '}'), 'É', 'e'), 'é', 'e'), 'Ü', 'y'), 'ü', 'y'), NEW.birth_date, NEW.disabled_at IS NOT NULL, (SELECT ga.guide_id FROM guide_assignments ga WHERE ga.youth_id = NEW.id AND ga.ended_at IS NULL), coalesce((SELECT h.status FROM youth_status_history h WHERE h.youth_id = NEW.id ORDER BY h.created_at DESC, h.rowid DESC LIMIT 1), 'unknown'), (SELECT CASE WHEN p.agreed_version IS NULL THEN 'never' WHEN p.agreed_version = p.version THEN 'current' ELSE 'stale' END FROM plans p WHERE p.youth_id = NEW.id), (SELECT min(s.due_date) FROM plans p JOIN plan_steps s ON s.plan_id = p.id WHERE p.youth_id = NEW.id AND s.status IN ('todo', 'doing') AND s.due_date IS NOT NULL), EXISTS (SELECT 1 FROM checkin_schedules cs WHERE cs.youth_id = NEW.id AND cs.stopped_at IS NULL), (SELECT CASE WHEN c.followed_up_at IS NULL THEN c.score END FROM checkins c WHERE c.youth_id = NEW.id AND c.answered_at IS NOT NULL ORDER BY c.due_on DESC LIMIT 1), (SELECT min(date(c.due_on, '+' || (max(1, min(coalesce(cs.interval_days, 7), 7)) - 1) || ' days')) FROM checkins c LEFT JOIN checkin_schedules cs ON cs.id = c.schedule_id WHERE c.youth_id = NEW.id AND c.answered_at IS NULL AND c.due_on > coalesce((SELECT a.due_on FROM checkins a WHERE a.youth_id = NEW.id AND a.answered_at IS NOT NULL ORDER BY a.due_on DESC LIMIT 1), '')));
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_users_update AFTER UPDATE OF display_name, birth_date, disabled_at ON users WHEN NEW.role = 'youth'
BEGIN
	UPDATE caseload_index SET name_key = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(NEW.display_name), 'Æ', '{'), 'æ', '{'), 'Ä', '{'), 'ä', '{'), 'Ø', '|'), 'ø', '|'), 'Ö', '|'), 'ö', '|'), 'Å', '}'), 'å', '}'), 'É', 'e'), 'é', 'e'), 'Ü', 'y'), 'ü', 'y'), birth_date = NEW.birth_date, disabled = NEW.disabled_at IS NOT NULL WHERE youth_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_guide_assignments_insert AFTER INSERT ON guide_assignments
BEGIN
	UPDATE caseload_index SET guide_id = (SELECT ga.guide_id FROM guide_assignments ga WHERE ga.youth_id = NEW.youth_id AND ga.ended_at IS NULL) WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_guide_assignments_update AFTER UPDATE OF youth_id, guide_id, ended_at ON guide_assignments
BEGIN
	UPDATE caseload_index SET guide_id = (SELECT ga.guide_id FROM guide_assignments ga WHERE ga.youth_id = NEW.youth_id AND ga.ended_at IS NULL) WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_guide_assignments_delete AFTER DELETE ON guide_assignments
BEGIN
	UPDATE caseload_index SET guide_id = (SELECT ga.guide_id FROM guide_assignments ga WHERE ga.youth_id = OLD.youth_id AND ga.ended_at IS NULL) WHERE youth_id = OLD.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_youth_status_history_insert AFTER INSERT ON youth_status_history
BEGIN
	UPDATE caseload_index SET status = coalesce((SELECT h.status FROM youth_status_history h WHERE h.youth_id = NEW.youth_id ORDER BY h.created_at DESC, h.rowid DESC LIMIT 1), 'unknown') WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_youth_status_history_update AFTER UPDATE OF youth_id, status, created_at ON youth_status_history
BEGIN
	UPDATE caseload_index SET status = coalesce((SELECT h.status FROM youth_status_history h WHERE h.youth_id = NEW.youth_id ORDER BY h.created_at DESC, h.rowid DESC LIMIT 1), 'unknown') WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_youth_status_history_delete AFTER DELETE ON youth_status_history
BEGIN
	UPDATE caseload_index SET status = coalesce((SELECT h.status FROM youth_status_history h WHERE h.youth_id = OLD.youth_id ORDER BY h.created_at DESC, h.rowid DESC LIMIT 1), 'unknown') WHERE youth_id = OLD.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_plans_insert AFTER INSERT ON plans
BEGIN
	UPDATE caseload_index SET plan_agreement = (SELECT CASE WHEN p.agreed_version IS NULL THEN 'never' WHEN p.agreed_version = p.version THEN 'current' ELSE 'stale' END FROM plans p WHERE p.youth_id = NEW.youth_id), overdue_from = (SELECT min(s.due_date) FROM plans p JOIN plan_steps s ON s.plan_id = p.id WHERE p.youth_id = NEW.youth_id AND s.status IN ('todo', 'doing') AND s.due_date IS NOT NULL) WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_plans_update AFTER UPDATE OF youth_id, version, agreed_version ON plans
BEGIN
	UPDATE caseload_index SET plan_agreement = (SELECT CASE WHEN p.agreed_version IS NULL THEN 'never' WHEN p.agreed_version = p.version THEN 'current' ELSE 'stale' END FROM plans p WHERE p.youth_id = NEW.youth_id), overdue_from = (SELECT min(s.due_date) FROM plans p JOIN plan_steps s ON s.plan_id = p.id WHERE p.youth_id = NEW.youth_id AND s.status IN ('todo', 'doing') AND s.due_date IS NOT NULL) WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_plans_delete AFTER DELETE ON plans
BEGIN
	UPDATE caseload_index SET plan_agreement = (SELECT CASE WHEN p.agreed_version IS NULL THEN 'never' WHEN p.agreed_version = p.version THEN 'current' ELSE 'stale' END FROM plans p WHERE p.youth_id = OLD.youth_id), overdue_from = (SELECT min(s.due_date) FROM plans p JOIN plan_steps s ON s.plan_id = p.id WHERE p.youth_id = OLD.youth_id AND s.status IN ('todo', 'doing') AND s.due_date IS NOT NULL) WHERE youth_id = OLD.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_plan_steps_insert AFTER INSERT ON plan_steps
BEGIN
	UPDATE caseload_index SET overdue_from = (SELECT min(s.due_date) FROM plans p JOIN plan_steps s ON s.plan_id = p.id WHERE p.youth_id = (SELECT p.youth_id FROM plans p WHERE p.id = NEW.plan_id) AND s.status IN ('todo', 'doing') AND s.due_date IS NOT NULL) WHERE youth_id = (SELECT p.youth_id FROM plans p WHERE p.id = NEW.plan_id);
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_plan_steps_update AFTER UPDATE OF plan_id, status, due_date ON plan_steps
BEGIN
	UPDATE caseload_index SET overdue_from = (SELECT min(s.due_date) FROM plans p JOIN plan_steps s ON s.plan_id = p.id WHERE p.youth_id = (SELECT p.youth_id FROM plans p WHERE p.id = NEW.plan_id) AND s.status IN ('todo', 'doing') AND s.due_date IS NOT NULL) WHERE youth_id = (SELECT p.youth_id FROM plans p WHERE p.id = NEW.plan_id);
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_plan_steps_delete AFTER DELETE ON plan_steps
BEGIN
	UPDATE caseload_index SET overdue_from = (SELECT min(s.due_date) FROM plans p JOIN plan_steps s ON s.plan_id = p.id WHERE p.youth_id = (SELECT p.youth_id FROM plans p WHERE p.id = OLD.plan_id) AND s.status IN ('todo', 'doing') AND s.due_date IS NOT NULL) WHERE youth_id = (SELECT p.youth_id FROM plans p WHERE p.id = OLD.plan_id);
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_checkins_insert AFTER INSERT ON checkins
BEGIN
	UPDATE caseload_index SET checkin_score = (SELECT CASE WHEN c.followed_up_at IS NULL THEN c.score END FROM checkins c WHERE c.youth_id = NEW.youth_id AND c.answered_at IS NOT NULL ORDER BY c.due_on DESC LIMIT 1), checkin_missed_after = (SELECT min(date(c.due_on, '+' || (max(1, min(coalesce(cs.interval_days, 7), 7)) - 1) || ' days')) FROM checkins c LEFT JOIN checkin_schedules cs ON cs.id = c.schedule_id WHERE c.youth_id = NEW.youth_id AND c.answered_at IS NULL AND c.due_on > coalesce((SELECT a.due_on FROM checkins a WHERE a.youth_id = NEW.youth_id AND a.answered_at IS NOT NULL ORDER BY a.due_on DESC LIMIT 1), '')) WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_checkins_update AFTER UPDATE OF youth_id, schedule_id, due_on, answered_at, score, followed_up_at ON checkins
BEGIN
	UPDATE caseload_index SET checkin_score = (SELECT CASE WHEN c.followed_up_at IS NULL THEN c.score END FROM checkins c WHERE c.youth_id = NEW.youth_id AND c.answered_at IS NOT NULL ORDER BY c.due_on DESC LIMIT 1), checkin_missed_after = (SELECT min(date(c.due_on, '+' || (max(1, min(coalesce(cs.interval_days, 7), 7)) - 1) || ' days')) FROM checkins c LEFT JOIN checkin_schedules cs ON cs.id = c.schedule_id WHERE c.youth_id = NEW.youth_id AND c.answered_at IS NULL AND c.due_on > coalesce((SELECT a.due_on FROM checkins a WHERE a.youth_id = NEW.youth_id AND a.answered_at IS NOT NULL ORDER BY a.due_on DESC LIMIT 1), '')) WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_checkins_delete AFTER DELETE ON checkins
BEGIN
	UPDATE caseload_index SET checkin_score = (SELECT CASE WHEN c.followed_up_at IS NULL THEN c.score END FROM checkins c WHERE c.youth_id = OLD.youth_id AND c.answered_at IS NOT NULL ORDER BY c.due_on DESC LIMIT 1), checkin_missed_after = (SELECT min(date(c.due_on, '+' || (max(1, min(coalesce(cs.interval_days, 7), 7)) - 1) || ' days')) FROM checkins c LEFT JOIN checkin_schedules cs ON cs.id = c.schedule_id WHERE c.youth_id = OLD.youth_id AND c.answered_at IS NULL AND c.due_on > coalesce((SELECT a.due_on FROM checkins a WHERE a.youth_id = OLD.youth_id AND a.answered_at IS NOT NULL ORDER BY a.due_on DESC LIMIT 1), '')) WHERE youth_id = OLD.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_checkin_schedules_insert AFTER INSERT ON checkin_schedules
BEGIN
	UPDATE caseload_index SET checkin_running = EXISTS (SELECT 1 FROM checkin_schedules cs WHERE cs.youth_id = NEW.youth_id AND cs.stopped_at IS NULL), checkin_missed_after = (SELECT min(date(c.due_on, '+' || (max(1, min(coalesce(cs.interval_days, 7), 7)) - 1) || ' days')) FROM checkins c LEFT JOIN checkin_schedules cs ON cs.id = c.schedule_id WHERE c.youth_id = NEW.youth_id AND c.answered_at IS NULL AND c.due_on > coalesce((SELECT a.due_on FROM checkins a WHERE a.youth_id = NEW.youth_id AND a.answered_at IS NOT NULL ORDER BY a.due_on DESC LIMIT 1), '')) WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_checkin_schedules_update AFTER UPDATE OF youth_id, interval_days, stopped_at ON checkin_schedules
BEGIN
	UPDATE caseload_index SET checkin_running = EXISTS (SELECT 1 FROM checkin_schedules cs WHERE cs.youth_id = NEW.youth_id AND cs.stopped_at IS NULL), checkin_missed_after = (SELECT min(date(c.due_on, '+' || (max(1, min(coalesce(cs.interval_days, 7), 7)) - 1) || ' days')) FROM checkins c LEFT JOIN checkin_schedules cs ON cs.id = c.schedule_id WHERE c.youth_id = NEW.youth_id AND c.answered_at IS NULL AND c.due_on > coalesce((SELECT a.due_on FROM checkins a WHERE a.youth_id = NEW.youth_id AND a.answered_at IS NOT NULL ORDER BY a.due_on DESC LIMIT 1), '')) WHERE youth_id = NEW.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER caseload_index_checkin_schedules_delete AFTER DELETE ON checkin_schedules
BEGIN
	UPDATE caseload_index SET checkin_running = EXISTS (SELECT 1 FROM checkin_schedules cs WHERE cs.youth_id = OLD.youth_id AND cs.stopped_at IS NULL), checkin_missed_after = (SELECT min(date(c.due_on, '+' || (max(1, min(coalesce(cs.interval_days, 7), 7)) - 1) || ' days')) FROM checkins c LEFT JOIN checkin_schedules cs ON cs.id = c.schedule_id WHERE c.youth_id = OLD.youth_id AND c.answered_at IS NULL AND c.due_on > coalesce((SELECT a.due_on FROM checkins a WHERE a.youth_id = OLD.youth_id AND a.answered_at IS NOT NULL ORDER BY a.due_on DESC LIMIT 1), '')) WHERE youth_id = OLD.youth_id;
END;
--> statement-breakpoint
INSERT INTO caseload_index (youth_id, name_key, birth_date, disabled, guide_id, status, plan_agreement, overdue_from, checkin_running, checkin_score, checkin_missed_after)
SELECT u.id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(u.display_name), 'Æ', '{'), 'æ', '{'), 'Ä', '{'), 'ä', '{'), 'Ø', '|'), 'ø', '|'), 'Ö', '|'), 'ö', '|'), 'Å', '}'), 'å', '}'), 'É', 'e'), 'é', 'e'), 'Ü', 'y'), 'ü', 'y'), u.birth_date, u.disabled_at IS NOT NULL, (SELECT ga.guide_id FROM guide_assignments ga WHERE ga.youth_id = u.id AND ga.ended_at IS NULL), coalesce((SELECT h.status FROM youth_status_history h WHERE h.youth_id = u.id ORDER BY h.created_at DESC, h.rowid DESC LIMIT 1), 'unknown'), (SELECT CASE WHEN p.agreed_version IS NULL THEN 'never' WHEN p.agreed_version = p.version THEN 'current' ELSE 'stale' END FROM plans p WHERE p.youth_id = u.id), (SELECT min(s.due_date) FROM plans p JOIN plan_steps s ON s.plan_id = p.id WHERE p.youth_id = u.id AND s.status IN ('todo', 'doing') AND s.due_date IS NOT NULL), EXISTS (SELECT 1 FROM checkin_schedules cs WHERE cs.youth_id = u.id AND cs.stopped_at IS NULL), (SELECT CASE WHEN c.followed_up_at IS NULL THEN c.score END FROM checkins c WHERE c.youth_id = u.id AND c.answered_at IS NOT NULL ORDER BY c.due_on DESC LIMIT 1), (SELECT min(date(c.due_on, '+' || (max(1, min(coalesce(cs.interval_days, 7), 7)) - 1) || ' days')) FROM checkins c LEFT JOIN checkin_schedules cs ON cs.id = c.schedule_id WHERE c.youth_id = u.id AND c.answered_at IS NULL AND c.due_on > coalesce((SELECT a.due_on FROM checkins a WHERE a.youth_id = u.id AND a.answered_at IS NOT NULL ORDER BY a.due_on DESC LIMIT 1), ''))
FROM users u WHERE u.role = 'youth';
