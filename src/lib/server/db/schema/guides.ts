/** The schema: guides. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { REQUEST_EVENTS, REQUEST_KINDS, REQUEST_STATUSES } from '../../../shared/domain';
import { oneOf, createdAt } from './common';
import { invites, users } from './people';

export const guideProfiles = sqliteTable(
	'guide_profiles',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => users.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		workplace: text('workplace'),
		background: text('background').notNull().default(''),
		/** JSON array of language names, e.g. ["dansk","engelsk"]. */
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
		meetingPlaces: text('meeting_places').notNull().default(''),
		availability: text('availability').notNull().default(''),
		capacity: integer('capacity').notNull().default(15),
		/** The guide's young people now: kept by triggers (db/guide-loads.ts), never written by the app. */
		currentYouth: integer('current_youth').notNull().default(0),
		/** Shown in the directory; a proposed guide from outside is not. */
		listed: integer('listed', { mode: 'boolean' }).notNull().default(true),
		/** Working days, ISO weekdays (1 Monday … 7 Sunday), and hours in Copenhagen (guides/answer-time.ts). */
		workDays: text('work_days', { mode: 'json' }).$type<number[]>().notNull().default([1, 2, 3, 4, 5]),
		workFrom: text('work_from').notNull().default('09:00'),
		workTo: text('work_to').notNull().default('15:00'),
		/** An away period, first and last day included (YYYY-MM-DD), and what the guide says meanwhile. */
		awayFrom: text('away_from'),
		awayUntil: text('away_until'),
		awayText: text('away_text')
	},
	// Working time is checked by its form (guides/answer-time.ts `workingTimeInput`): a CHECK here
	// would make drizzle-kit rebuild the table.
	(t) => [check('guide_profiles_capacity_check', sql`${t.capacity} >= 0 and ${t.capacity} <= 200`)]
);

export const guideAssignments = sqliteTable(
	'guide_assignments',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		guideId: text('guide_id')
			.notNull()
			.references(() => users.id),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
		assignedBy: text('assigned_by').references(() => users.id),
		requestId: text('request_id').references((): AnySQLiteColumn => guideRequests.id),
		overrideReason: text('override_reason'),
		/**
		 * A hand-over: the guide left (their account was disabled) and the coordinator gave the young
		 * person a new guide (this assignment started), or sent them back to the visitation (this one ended).
		 */
		handover: integer('handover', { mode: 'boolean' }).notNull().default(false),
		/** A hand-over's news: when the young person saw it on /guide (null: not yet, a mark on Guide). */
		seenByYouthAt: integer('seen_by_youth_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('guide_assignments_one_active')
			.on(t.youthId)
			.where(sql`${t.endedAt} is null`),
		index('guide_assignments_guide_idx').on(t.guideId, t.endedAt),
		// A young person's assignments, newest first: asked on every page they open (the Guide mark).
		index('guide_assignments_youth_idx').on(t.youthId, t.startedAt),
		check('guide_assignments_period_check', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`)
	]
);

export const guideRequests = sqliteTable(
	'guide_requests',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The young person, or a parent acting on their behalf. */
		requestedBy: text('requested_by')
			.notNull()
			.references(() => users.id),
		kind: text('kind', { enum: REQUEST_KINDS }).notNull(),
		/** kind = pick: the guide chosen from the directory. */
		guideId: text('guide_id').references(() => users.id),
		/** kind = propose: the person the young person already trusts. */
		proposedName: text('proposed_name'),
		proposedRole: text('proposed_role'),
		proposedWorkplace: text('proposed_workplace'),
		proposedContact: text('proposed_contact'),
		/** Why; for a change request this is hidden from the current guide. */
		reason: text('reason'),
		status: text('status', { enum: REQUEST_STATUSES }).notNull().default('open'),
		/** ISO date of the visitation meeting the request is on the agenda of. */
		visitationDate: text('visitation_date'),
		decidedBy: text('decided_by').references(() => users.id),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		decisionReason: text('decision_reason'),
		suggestedGuideId: text('suggested_guide_id').references(() => users.id),
		/** Why a suggested guide beyond capacity may still take the young person on. */
		overrideReason: text('override_reason'),
		/** Approved by inviting the proposed person: the guide is assigned when they accept. */
		inviteId: text('invite_id').references(() => invites.id),
		/** When the young person last saw this request's news; null: unread (a mark on Guide). */
		seenByYouthAt: integer('seen_by_youth_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		check('guide_requests_kind_check', oneOf(t.kind, REQUEST_KINDS)),
		check('guide_requests_status_check', oneOf(t.status, REQUEST_STATUSES)),
		check('guide_requests_pick_check', sql`${t.kind} <> 'pick' or ${t.guideId} is not null`),
		check(
			'guide_requests_propose_check',
			sql`${t.kind} <> 'propose' or (${t.proposedName} is not null and ${t.proposedContact} is not null)`
		),
		uniqueIndex('guide_requests_one_open')
			.on(t.youthId)
			.where(sql`${t.status} in ('open', 'suggested')`),
		index('guide_requests_status_idx').on(t.status, t.createdAt),
		// A young person's requests: asked on every page they open (the Guide mark) and on /guide.
		index('guide_requests_youth_idx').on(t.youthId, t.createdAt)
	]
);

/** Every step of a request (who, when, what, why): the visitation's record. Never changed. */
export const guideRequestEvents = sqliteTable(
	'guide_request_events',
	{
		id: text('id').primaryKey(),
		requestId: text('request_id')
			.notNull()
			.references(() => guideRequests.id, { onDelete: 'cascade' }),
		actorId: text('actor_id')
			.notNull()
			.references(() => users.id),
		action: text('action', { enum: REQUEST_EVENTS }).notNull(),
		/** The guide the step concerns (assigned, suggested). */
		guideId: text('guide_id').references(() => users.id),
		reason: text('reason'),
		overrideReason: text('override_reason'),
		createdAt: createdAt()
	},
	(t) => [
		index('guide_request_events_request_idx').on(t.requestId, t.createdAt),
		check('guide_request_events_action_check', oneOf(t.action, REQUEST_EVENTS))
	]
);

export type GuideProfile = typeof guideProfiles.$inferSelect;
export type GuideAssignment = typeof guideAssignments.$inferSelect;
export type GuideRequest = typeof guideRequests.$inferSelect;
export type GuideRequestEvent = typeof guideRequestEvents.$inferSelect;
