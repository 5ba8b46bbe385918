/**
 * The SQL that keeps `caseload_index` (schema/lists.ts) current: one trigger per table a fact
 * comes from, and the statement that fills the index from scratch. The migration that made the
 * table holds the same statements (`caseload-index.test.ts` checks that they have not drifted,
 * and that the triggers leave the index exactly as a fresh fill would); the bench's generator
 * fills the index with `CASELOAD_INDEX_FILL` after loading with the triggers off.
 *
 * The facts mirror the app's own rules: the current guide (`access/current-guide.ts`), the newest
 * status (`followup/status.ts`), `agreementOf` and `isOverdue` (plan/view.ts), and the check-in
 * flags of `followUpFlags` (followup/checkins.ts): the newest check-in that is answered or past
 * its last day decides, so a young person has missed one once today is later than the earliest
 * last day of the unanswered check-ins newer than the newest answered one.
 */
import { nameKeySql } from './schema/name-key';

/** At most this many days to answer a check-in (followup/rhythm.ts MAX_ANSWER_WINDOW_DAYS). */
export const ANSWER_WINDOW_DAYS = 7;

type Fact = (youthId: string) => string;

const FACTS = {
	guide_id: (y) => `(SELECT ga.guide_id FROM guide_assignments ga WHERE ga.youth_id = ${y} AND ga.ended_at IS NULL)`,
	status: (y) =>
		`coalesce((SELECT h.status FROM youth_status_history h WHERE h.youth_id = ${y} ORDER BY h.created_at DESC, h.rowid DESC LIMIT 1), 'unknown')`,
	plan_agreement: (y) =>
		`(SELECT CASE WHEN p.agreed_version IS NULL THEN 'never' WHEN p.agreed_version = p.version THEN 'current' ELSE 'stale' END FROM plans p WHERE p.youth_id = ${y})`,
	overdue_from: (y) =>
		`(SELECT min(s.due_date) FROM plans p JOIN plan_steps s ON s.plan_id = p.id WHERE p.youth_id = ${y} AND s.status IN ('todo', 'doing') AND s.due_date IS NOT NULL)`,
	checkin_running: (y) => `EXISTS (SELECT 1 FROM checkin_schedules cs WHERE cs.youth_id = ${y} AND cs.stopped_at IS NULL)`,
	// A low answer someone has followed up (talked with the young person) no longer counts.
	checkin_score: (y) =>
		`(SELECT CASE WHEN c.followed_up_at IS NULL THEN c.score END FROM checkins c WHERE c.youth_id = ${y} AND c.answered_at IS NOT NULL ORDER BY c.due_on DESC LIMIT 1)`,
	checkin_missed_after: (y) =>
		`(SELECT min(date(c.due_on, '+' || (max(1, min(coalesce(cs.interval_days, ${ANSWER_WINDOW_DAYS}), ${ANSWER_WINDOW_DAYS})) - 1) || ' days')) ` +
		`FROM checkins c LEFT JOIN checkin_schedules cs ON cs.id = c.schedule_id WHERE c.youth_id = ${y} AND c.answered_at IS NULL ` +
		`AND c.due_on > coalesce((SELECT a.due_on FROM checkins a WHERE a.youth_id = ${y} AND a.answered_at IS NOT NULL ORDER BY a.due_on DESC LIMIT 1), ''))`
} satisfies Record<string, Fact>;
type FactColumn = keyof typeof FACTS;
const FACT_COLUMNS = Object.keys(FACTS) as FactColumn[];

const COLUMNS = ['youth_id', 'name_key', 'birth_date', 'disabled', ...FACT_COLUMNS];

/** Every young person's row, made from scratch (the migration, and the bench after loading). */
export const CASELOAD_INDEX_FILL =
	`INSERT INTO caseload_index (${COLUMNS.join(', ')})\n` +
	`SELECT u.id, ${nameKeySql('u.display_name')}, u.birth_date, u.disabled_at IS NOT NULL, ${FACT_COLUMNS.map((c) => FACTS[c]('u.id')).join(', ')}\n` +
	`FROM users u WHERE u.role = 'youth';`;

function refresh(columns: FactColumn[], youthId: string): string {
	return `UPDATE caseload_index SET ${columns.map((c) => `${c} = ${FACTS[c](youthId)}`).join(', ')} WHERE youth_id = ${youthId};`;
}

function trigger(name: string, event: string, table: string, body: string, when?: string): string {
	return `CREATE TRIGGER caseload_index_${name} AFTER ${event} ON ${table}${when ? ` WHEN ${when}` : ''}\nBEGIN\n\t${body}\nEND;`;
}

/** The three triggers (insert, update of these columns, delete) that refresh facts from one table. */
function follow(table: string, columns: FactColumn[], updateOf: string[], youthOf: (row: 'NEW' | 'OLD') => string): string[] {
	return [
		trigger(`${table}_insert`, 'INSERT', table, refresh(columns, youthOf('NEW'))),
		trigger(`${table}_update`, `UPDATE OF ${updateOf.join(', ')}`, table, refresh(columns, youthOf('NEW'))),
		trigger(`${table}_delete`, 'DELETE', table, refresh(columns, youthOf('OLD')))
	];
}

const planYouth = (row: 'NEW' | 'OLD') => `(SELECT p.youth_id FROM plans p WHERE p.id = ${row}.plan_id)`;

/** The triggers, in the order the migration creates them. */
export const CASELOAD_INDEX_TRIGGERS: string[] = [
	trigger(
		'users_insert',
		'INSERT',
		'users',
		`INSERT INTO caseload_index (${COLUMNS.join(', ')})\n\tVALUES (NEW.id, ${nameKeySql('NEW.display_name')}, NEW.birth_date, NEW.disabled_at IS NOT NULL, ${FACT_COLUMNS.map((c) => FACTS[c]('NEW.id')).join(', ')});`,
		`NEW.role = 'youth'`
	),
	trigger(
		'users_update',
		'UPDATE OF display_name, birth_date, disabled_at',
		'users',
		`UPDATE caseload_index SET name_key = ${nameKeySql('NEW.display_name')}, birth_date = NEW.birth_date, disabled = NEW.disabled_at IS NOT NULL WHERE youth_id = NEW.id;`,
		`NEW.role = 'youth'`
	),
	...follow('guide_assignments', ['guide_id'], ['youth_id', 'guide_id', 'ended_at'], (row) => `${row}.youth_id`),
	...follow('youth_status_history', ['status'], ['youth_id', 'status', 'created_at'], (row) => `${row}.youth_id`),
	...follow('plans', ['plan_agreement', 'overdue_from'], ['youth_id', 'version', 'agreed_version'], (row) => `${row}.youth_id`),
	...follow('plan_steps', ['overdue_from'], ['plan_id', 'status', 'due_date'], planYouth),
	...follow(
		'checkins',
		['checkin_score', 'checkin_missed_after'],
		['youth_id', 'schedule_id', 'due_on', 'answered_at', 'score', 'followed_up_at'],
		(row) => `${row}.youth_id`
	),
	...follow(
		'checkin_schedules',
		['checkin_running', 'checkin_missed_after'],
		['youth_id', 'interval_days', 'stopped_at'],
		(row) => `${row}.youth_id`
	)
];

/** The SQL the migration runs after creating the table: the triggers, then the fill. */
export function caseloadIndexMigrationSql(): string {
	return [...CASELOAD_INDEX_TRIGGERS, CASELOAD_INDEX_FILL].join('\n--> statement-breakpoint\n');
}
