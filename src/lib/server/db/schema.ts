/**
 * The Minvej data model: the single source of types for the server.
 *
 * Conventions
 * - Ids are random strings (see `newId`), never counters, so they can appear in URLs.
 * - Times are stored as integer milliseconds since the epoch (`timestamp_ms`).
 * - Calendar dates (birth dates, due dates, target dates) are ISO `YYYY-MM-DD` text in
 *   Europe/Copenhagen, because that is what a person means by "the 3rd of March".
 * - Enumerations are text columns with CHECK constraints, so a bad value never lands.
 * - Consent records and the access log are append-only; triggers in the migrations refuse
 *   UPDATE and DELETE on them.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

import {
	CONSENT_ACTIONS,
	DEPARTMENTS,
	GOAL_TYPES,
	REQUEST_KINDS,
	REQUEST_STATUSES,
	ROLES,
	STEP_OWNER_KINDS,
	STEP_STATUSES,
	YOUTH_STATUSES,
	type DataKind
} from '../../domain';

export * from '../../domain';

/** `col IN ('a','b')` for a CHECK constraint built from one of the lists above. */
function oneOf(column: AnySQLiteColumn, values: readonly string[]) {
	return sql.raw(`"${column.name}" in (${values.map((v) => `'${v}'`).join(', ')})`);
}

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date());

// ---------------------------------------------------------------------------------------------
// People and accounts
// ---------------------------------------------------------------------------------------------

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		username: text('username').notNull(),
		displayName: text('display_name').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		/** Caseworkers belong to exactly one department; others have none. */
		department: text('department', { enum: DEPARTMENTS }),
		/** Young people only: the birth date decides age and the self-consent age. */
		birthDate: text('birth_date'),
		/** Null until the person has chosen a password through an invite. */
		passwordHash: text('password_hash'),
		phone: text('phone'),
		email: text('email'),
		createdAt: createdAt(),
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('users_username_unique').on(t.username),
		check('users_role_check', oneOf(t.role, ROLES)),
		check(
			'users_department_check',
			sql`(${t.role} = 'caseworker' and ${t.department} is not null) or (${t.role} <> 'caseworker' and ${t.department} is null)`
		),
		check('users_department_value_check', sql`${t.department} is null or ${oneOf(t.department, DEPARTMENTS)}`),
		check('users_birth_date_check', sql`${t.birthDate} is null or ${t.birthDate} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`),
		check('users_youth_birth_date_check', sql`${t.role} <> 'youth' or ${t.birthDate} is not null`)
	]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		/** SHA-256 of the session secret; the secret itself is only in the user's cookie. */
		secretHash: text('secret_hash').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * An invite lets a new youth, parent or guide choose a username and password. Staff make it;
 * the account is created when the invite is accepted (single use, expires).
 */
export const invites = sqliteTable(
	'invites',
	{
		id: text('id').primaryKey(),
		/** SHA-256 of the invite code; the code itself is shown once to the staff member. */
		codeHash: text('code_hash').notNull(),
		role: text('role', { enum: ['youth', 'parent', 'guide'] }).notNull(),
		displayName: text('display_name').notNull(),
		/** youth: birth date. */
		birthDate: text('birth_date'),
		/** parent: the young person to link to, and whether the parent holds custody. */
		linkYouthId: text('link_youth_id').references(() => users.id, {
			onDelete: 'cascade'
		}),
		custody: integer('custody', { mode: 'boolean' }).notNull().default(false),
		/** guide (a person a young person proposed): their role and workplace. */
		title: text('title'),
		workplace: text('workplace'),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		acceptedUserId: text('accepted_user_id').references(() => users.id)
	},
	(t) => [
		uniqueIndex('invites_code_hash_unique').on(t.codeHash),
		check('invites_role_check', oneOf(t.role, ['youth', 'parent', 'guide'])),
		check('invites_youth_check', sql`${t.role} <> 'youth' or ${t.birthDate} is not null`),
		check('invites_parent_check', sql`${t.role} <> 'parent' or ${t.linkYouthId} is not null`)
	]
);

export const parentLinks = sqliteTable(
	'parent_links',
	{
		id: text('id').primaryKey(),
		parentId: text('parent_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Holds custody (forældremyndighed): may co-sign consents under the self-consent age. */
		custody: integer('custody', { mode: 'boolean' }).notNull().default(false),
		relation: text('relation'),
		createdBy: text('created_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('parent_links_pair_unique').on(t.parentId, t.youthId),
		index('parent_links_youth_idx').on(t.youthId),
		check('parent_links_not_self', sql`${t.parentId} <> ${t.youthId}`)
	]
);

// ---------------------------------------------------------------------------------------------
// Guides
// ---------------------------------------------------------------------------------------------

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
		/** Shown in the directory; a proposed guide from outside is not. */
		listed: integer('listed', { mode: 'boolean' }).notNull().default(true)
	},
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
		overrideReason: text('override_reason')
	},
	(t) => [
		uniqueIndex('guide_assignments_one_active')
			.on(t.youthId)
			.where(sql`${t.endedAt} is null`),
		index('guide_assignments_guide_idx').on(t.guideId, t.endedAt),
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
		index('guide_requests_status_idx').on(t.status, t.createdAt)
	]
);

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

export const plans = sqliteTable(
	'plans',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		goalType: text('goal_type', { enum: GOAL_TYPES }).notNull(),
		goalText: text('goal_text').notNull(),
		targetDate: text('target_date'),
		currentSituation: text('current_situation').notNull().default(''),
		/** Optimistic concurrency: every save must name the version it started from. */
		version: integer('version').notNull().default(1),
		/** The version the young person last said "I agree with my plan" to. */
		agreedVersion: integer('agreed_version'),
		agreedAt: integer('agreed_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('plans_one_per_youth').on(t.youthId),
		check('plans_goal_type_check', oneOf(t.goalType, GOAL_TYPES)),
		check('plans_version_check', sql`${t.version} >= 1`)
	]
);

export const planSteps = sqliteTable(
	'plan_steps',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		ownerKind: text('owner_kind', { enum: STEP_OWNER_KINDS }).notNull(),
		ownerDepartment: text('owner_department', { enum: DEPARTMENTS }),
		ownerUserId: text('owner_user_id').references(() => users.id),
		dueDate: text('due_date'),
		status: text('status', { enum: STEP_STATUSES }).notNull().default('todo'),
		position: integer('position').notNull().default(0),
		proposedBy: text('proposed_by').references(() => users.id),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('plan_steps_plan_idx').on(t.planId, t.position),
		check('plan_steps_owner_kind_check', oneOf(t.ownerKind, STEP_OWNER_KINDS)),
		check('plan_steps_status_check', oneOf(t.status, STEP_STATUSES)),
		check('plan_steps_department_owner_check', sql`${t.ownerKind} not in ('department', 'caseworker') or ${t.ownerDepartment} is not null`)
	]
);

export const stepComments = sqliteTable(
	'step_comments',
	{
		id: text('id').primaryKey(),
		stepId: text('step_id')
			.notNull()
			.references(() => planSteps.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('step_comments_step_idx').on(t.stepId, t.createdAt)]
);

export const planHistory = sqliteTable(
	'plan_history',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		actorId: text('actor_id').references(() => users.id),
		/** A message key describing the change, e.g. "step_added". */
		action: text('action').notNull(),
		/** Parameters for the message, e.g. the step title. */
		details: text('details', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
		createdAt: createdAt()
	},
	(t) => [index('plan_history_plan_idx').on(t.planId, t.createdAt)]
);

export const meetings = sqliteTable(
	'meetings',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		durationMinutes: integer('duration_minutes').notNull().default(60),
		place: text('place').notNull(),
		withWhom: text('with_whom').notNull(),
		bring: text('bring').notNull().default(''),
		createdBy: text('created_by').references(() => users.id),
		createdAt: createdAt(),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('meetings_plan_idx').on(t.planId, t.startsAt),
		check('meetings_duration_check', sql`${t.durationMinutes} between 5 and 600`)
	]
);

// ---------------------------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------------------------

/**
 * One immutable record per change. The current state of a consent is derived from these
 * records (see consent.ts); nothing is ever updated or deleted.
 */
export const consentRecords = sqliteTable(
	'consent_records',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'restrict' }),
		action: text('action', { enum: CONSENT_ACTIONS }).notNull(),
		recipientKind: text('recipient_kind', {
			enum: ['department', 'parent']
		}).notNull(),
		department: text('department', { enum: DEPARTMENTS }),
		parentId: text('parent_id').references(() => users.id, {
			onDelete: 'restrict'
		}),
		/** JSON array of data kinds covered, e.g. ["plan","meetings"]. */
		dataKinds: text('data_kinds', { mode: 'json' }).$type<DataKind[]>().notNull(),
		purpose: text('purpose').notNull(),
		/** The exact wording shown when the change was made, and its version. */
		wordingVersion: text('wording_version').notNull(),
		wordingText: text('wording_text').notNull(),
		/** Who performed the change: the young person, or a custody holder. */
		actorId: text('actor_id')
			.notNull()
			.references(() => users.id, { onDelete: 'restrict' }),
		/** For a co-signature: the give record it co-signs. */
		cosignOf: text('cosign_of').references((): AnySQLiteColumn => consentRecords.id),
		createdAt: createdAt()
	},
	(t) => [
		index('consent_records_youth_idx').on(t.youthId, t.createdAt),
		check('consent_records_action_check', oneOf(t.action, CONSENT_ACTIONS)),
		check(
			'consent_records_recipient_check',
			sql`(${t.recipientKind} = 'department' and ${t.department} is not null and ${t.parentId} is null) or (${t.recipientKind} = 'parent' and ${t.parentId} is not null and ${t.department} is null)`
		),
		check('consent_records_cosign_check', sql`${t.action} <> 'cosign' or ${t.cosignOf} is not null`)
	]
);

/** A guide asking the young person for a consent; answered on /consent. */
export const consentRequests = sqliteTable(
	'consent_requests',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		recipientKind: text('recipient_kind', {
			enum: ['department', 'parent']
		}).notNull(),
		department: text('department', { enum: DEPARTMENTS }),
		parentId: text('parent_id').references(() => users.id),
		message: text('message').notNull().default(''),
		requestedBy: text('requested_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		answer: text('answer', { enum: ['given', 'declined'] })
	},
	(t) => [index('consent_requests_youth_idx').on(t.youthId, t.answeredAt)]
);

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** A conversation between a young person and one guide (or the youth unit when guideId is null). */
export const messageThreads = sqliteTable(
	'message_threads',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Null: the youth unit's shared inbox, answered by the coordinator. */
		guideId: text('guide_id').references(() => users.id),
		createdAt: createdAt(),
		/** Set when the guide changes; the old conversation becomes read-only. */
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		lastSeq: integer('last_seq').notNull().default(0)
	},
	(t) => [
		uniqueIndex('message_threads_one_open')
			.on(t.youthId)
			.where(sql`${t.closedAt} is null`),
		index('message_threads_guide_idx').on(t.guideId, t.closedAt)
	]
);

export const messages = sqliteTable(
	'messages',
	{
		id: text('id').primaryKey(),
		threadId: text('thread_id')
			.notNull()
			.references(() => messageThreads.id, { onDelete: 'cascade' }),
		senderId: text('sender_id')
			.notNull()
			.references(() => users.id),
		/** Made by the sending client; the same id sent twice is stored once. */
		clientId: text('client_id').notNull(),
		/** Strict order within the thread: 1, 2, 3 … */
		seq: integer('seq').notNull(),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('messages_sender_client_unique').on(t.senderId, t.clientId),
		uniqueIndex('messages_thread_seq_unique').on(t.threadId, t.seq),
		check('messages_body_check', sql`length(${t.body}) between 1 and 4000`)
	]
);

/** How far each participant has read (and has received) a thread. */
export const messageReads = sqliteTable(
	'message_reads',
	{
		threadId: text('thread_id')
			.notNull()
			.references(() => messageThreads.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		deliveredSeq: integer('delivered_seq').notNull().default(0),
		readSeq: integer('read_seq').notNull().default(0),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.threadId, t.userId] })]
);

// ---------------------------------------------------------------------------------------------
// Follow-up, status and outcomes
// ---------------------------------------------------------------------------------------------

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
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('checkins_youth_due_unique').on(t.youthId, t.dueOn),
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
		detail: text('detail'),
		setBy: text('set_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [
		index('youth_status_history_youth_idx').on(t.youthId, t.createdAt),
		check('youth_status_history_status_check', oneOf(t.status, YOUTH_STATUSES))
	]
);

// ---------------------------------------------------------------------------------------------
// Transparency, notifications and settings
// ---------------------------------------------------------------------------------------------

/** Every read of a young person's data by someone else. Append-only. */
export const accessLog = sqliteTable(
	'access_log',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		actorId: text('actor_id')
			.notNull()
			.references(() => users.id),
		actorRole: text('actor_role', { enum: ROLES }).notNull(),
		actorDepartment: text('actor_department', { enum: DEPARTMENTS }),
		/** What was read: a data kind such as "plan". */
		resource: text('resource').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('access_log_youth_idx').on(t.youthId, t.createdAt), index('access_log_created_idx').on(t.createdAt)]
);

export const pushSubscriptions = sqliteTable(
	'push_subscriptions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('push_subscriptions_endpoint_unique').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)]
);

/** The municipality's settings: exactly one row, id = 1. */
export const settings = sqliteTable(
	'settings',
	{
		id: integer('id').primaryKey(),
		municipalityName: text('municipality_name').notNull(),
		unitName: text('unit_name').notNull(),
		unitPhone: text('unit_phone').notNull(),
		unitAddress: text('unit_address').notNull(),
		unitEmail: text('unit_email'),
		openingHours: text('opening_hours').notNull().default(''),
		selfConsentAge: integer('self_consent_age').notNull().default(15),
		/** ISO weekday of the weekly visitation meeting: 1 = Monday … 7 = Sunday. */
		visitationWeekday: integer('visitation_weekday').notNull().default(3),
		accessLogRetentionDays: integer('access_log_retention_days').notNull().default(183),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		check('settings_single_row', sql`${t.id} = 1`),
		check('settings_self_consent_age_check', sql`${t.selfConsentAge} between 13 and 18`),
		check('settings_visitation_weekday_check', sql`${t.visitationWeekday} between 1 and 7`),
		check('settings_retention_check', sql`${t.accessLogRetentionDays} between 30 and 3650`)
	]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type ParentLink = typeof parentLinks.$inferSelect;
export type GuideProfile = typeof guideProfiles.$inferSelect;
export type GuideAssignment = typeof guideAssignments.$inferSelect;
export type GuideRequest = typeof guideRequests.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type PlanStep = typeof planSteps.$inferSelect;
export type StepComment = typeof stepComments.$inferSelect;
export type PlanHistoryEntry = typeof planHistory.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type ConsentRecord = typeof consentRecords.$inferSelect;
export type ConsentRequest = typeof consentRequests.$inferSelect;
export type MessageThread = typeof messageThreads.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type MessageRead = typeof messageReads.$inferSelect;
export type CheckinSchedule = typeof checkinSchedules.$inferSelect;
export type Checkin = typeof checkins.$inferSelect;
export type YouthStatusEntry = typeof youthStatusHistory.$inferSelect;
export type AccessLogEntry = typeof accessLog.$inferSelect;
export type PushSubscription = typeof pushSubscriptions.$inferSelect;
export type Settings = typeof settings.$inferSelect;
