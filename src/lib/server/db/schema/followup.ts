/** The schema: follow-up, status and outcomes. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DEADLINE_KINDS, EDUCATION_PROGRAMMES, YOUTH_STATUSES } from '../../../shared/domain';
import { oneOf, createdAt } from './common';
import { users } from './people';

export const checkinSchedules = sqliteTable(
	'checkin_schedules',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		intervalDays: integer('interval_days').notNull(),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on'),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		stoppedAt: integer('stopped_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('checkin_schedules_youth_idx').on(t.youthId),
		check('checkin_schedules_interval_check', sql`${t.intervalDays} between 1 and 180`)
	]
);

export const checkins = sqliteTable(
	'checkins',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		scheduleId: text('schedule_id').references(() => checkinSchedules.id),
		dueOn: text('due_on').notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		/** 1 (very bad) … 5 (very good). */
		score: integer('score'),
		comment: text('comment'),
		createdAt: createdAt(),
		/**
		 * A low answer (1–2) followed up: the guide (or the coordinator) talked with the young person
		 * (issue 20). Who and when, kept on the answer; it leaves the flag lists then.
		 */
		followedUpAt: integer('followed_up_at', { mode: 'timestamp_ms' }),
		followedUpBy: text('followed_up_by').references(() => users.id)
	},
	(t) => [
		uniqueIndex('checkins_youth_due_unique').on(t.youthId, t.dueOn),
		/**
		 * Low answers (LOW_SCORE = 2 in followup/rhythm.ts) nobody has followed up yet, by answer time:
		 * the coordinator's escalation list reads these, not every answer in the municipality.
		 */
		index('checkins_low_waiting_idx')
			.on(t.answeredAt)
			.where(sql`${t.followedUpAt} is null and ${t.score} <= 2`),
		check('checkins_score_check', sql`${t.score} is null or ${t.score} between 1 and 5`),
		check(
			'checkins_answer_check',
			sql`(${t.answeredAt} is null and ${t.score} is null) or (${t.answeredAt} is not null and ${t.score} is not null)`
		)
	]
);

export const youthStatusHistory = sqliteTable(
	'youth_status_history',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status', { enum: YOUTH_STATUSES }).notNull(),
		/** Which programme, for 'youth_education' and 'preparatory' (null: not recorded). */
		programme: text('programme', { enum: EDUCATION_PROGRAMMES }),
		/** Hours of work a week, for 'work' (null: not recorded; 18 or more counts as attached). */
		hoursPerWeek: integer('hours_per_week'),
		detail: text('detail'),
		setBy: text('set_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [
		index('youth_status_history_youth_idx').on(t.youthId, t.createdAt),
		check('youth_status_history_status_check', oneOf(t.status, YOUTH_STATUSES)),
		check(
			'youth_status_history_programme_check',
			sql`${t.programme} is null or (${t.status} = 'youth_education' and ${t.programme} in ('gymnasium', 'eud', 'stu')) or (${t.status} = 'preparatory' and ${t.programme} in ('fgu', 'grade10'))`
		),
		check(
			'youth_status_history_hours_check',
			sql`${t.hoursPerWeek} is null or (${t.status} = 'work' and ${t.hoursPerWeek} between 0 and 80)`
		)
	]
);

export type CheckinSchedule = typeof checkinSchedules.$inferSelect;
export type Checkin = typeof checkins.$inferSelect;
export type YouthStatusEntry = typeof youthStatusHistory.$inferSelect;

/**
 * A legal deadline running for a young person (issue 21): started by a status change (the entry
 * that started it), due on a calendar date, met when the guide records it (or, for the offer, when
 * the young person's status says they are in an activity again). One row per kind and start.
 */
export const kuiDeadlines = sqliteTable(
	'kui_deadlines',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: DEADLINE_KINDS }).notNull(),
		/** The status entry that started it. */
		startedBy: text('started_by')
			.notNull()
			.references(() => youthStatusHistory.id, { onDelete: 'cascade' }),
		startedOn: text('started_on').notNull(),
		dueOn: text('due_on').notNull(),
		metAt: integer('met_at', { mode: 'timestamp_ms' }),
		/** Who recorded it met; null when a status change met it. */
		metBy: text('met_by').references(() => users.id),
		/** The notices sent: to the guide the working day before, to the coordinator once overdue. */
		remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
		escalatedAt: integer('escalated_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('kui_deadlines_start_kind_unique').on(t.startedBy, t.kind),
		index('kui_deadlines_youth_idx').on(t.youthId, t.dueOn),
		/** The open ones across the municipality, by due date (the scheduler's and the lists' question). */
		index('kui_deadlines_open_idx')
			.on(t.dueOn)
			.where(sql`${t.metAt} is null`),
		check('kui_deadlines_kind_check', oneOf(t.kind, DEADLINE_KINDS)),
		check('kui_deadlines_dates_check', sql`${t.dueOn} > ${t.startedOn}`)
	]
);

export type KuiDeadline = typeof kuiDeadlines.$inferSelect;
