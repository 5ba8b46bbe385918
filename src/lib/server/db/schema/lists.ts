/**
 * The schema: the staff's lists of young people. `caseload_index` holds one row per young person
 * with what the lists filter and sort on (name, birth date, guide, status, and the facts behind
 * the flags), so that a coordinator's list of 100,000 young people is searched, filtered, counted
 * and paged in the database without reading the plans, steps and check-ins of everyone.
 *
 * Nothing in the app writes it: triggers on the tables the facts come from keep it current (see
 * `db/caseload-index.ts`, and the migration that creates them). Every fact is stored so that it
 * does not go stale as days pass: the lists compare the stored dates with today.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { YOUTH_STATUSES } from '../../../shared/domain';
import { users } from './people';

export const caseloadIndex = sqliteTable(
	'caseload_index',
	{
		youthId: text('youth_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The display name as the lists sort and search it (schema/name-key.ts). */
		nameKey: text('name_key').notNull(),
		birthDate: text('birth_date').notNull(),
		/** The account is disabled: left out of every list. */
		disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
		/** The current guide (null: none, the youth unit answers). */
		guideId: text('guide_id'),
		/** The newest status ('unknown' while none was set). */
		status: text('status', { enum: YOUTH_STATUSES }).notNull().default('unknown'),
		/** Null: no plan; otherwise as `agreementOf`: current, stale or never. */
		planAgreement: text('plan_agreement', { enum: ['current', 'stale', 'never'] }),
		/** The earliest due date of a step to do or doing: the plan has overdue steps once today is later. */
		overdueFrom: text('overdue_from'),
		/** A check-in rhythm runs (not stopped): only then are check-ins flagged. */
		checkinRunning: integer('checkin_running', { mode: 'boolean' }).notNull().default(false),
		/** The score of the newest answered check-in. */
		checkinScore: integer('checkin_score'),
		/**
		 * The earliest last day to answer among the unanswered check-ins newer than the newest answered
		 * one: once today is later, the young person has missed a check-in.
		 */
		checkinMissedAfter: text('checkin_missed_after')
	},
	(t) => [
		// Covering indexes: a page of the list, in name or age order, is read from the index alone.
		index('caseload_index_name_idx').on(
			t.nameKey,
			t.youthId,
			t.birthDate,
			t.disabled,
			t.guideId,
			t.status,
			t.planAgreement,
			t.overdueFrom,
			t.checkinRunning,
			t.checkinScore,
			t.checkinMissedAfter
		),
		index('caseload_index_birth_idx').on(
			sql`${t.birthDate} desc`,
			t.nameKey,
			t.youthId,
			t.disabled,
			t.guideId,
			t.status,
			t.planAgreement,
			t.overdueFrom,
			t.checkinRunning,
			t.checkinScore,
			t.checkinMissedAfter
		),
		index('caseload_index_guide_idx').on(t.guideId)
	]
);

export type CaseloadIndexRow = typeof caseloadIndex.$inferSelect;
