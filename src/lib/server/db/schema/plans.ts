/** The schema: the plan. */
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DEPARTMENTS, GOAL_TYPES, STEP_OWNER_KINDS, STEP_STATUSES } from '../../../shared/domain';
import { oneOf, createdAt } from './common';
import { users } from './people';

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
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
		/** The guide marked the step "agreed with the young person" (null: not agreed). */
		agreedAt: integer('agreed_at', { mode: 'timestamp_ms' }),
		agreedBy: text('agreed_by').references(() => users.id)
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

/**
 * The young person disputes an agreed step: a comment the guide must answer. The step itself does
 * not change; the answer closes the dispute.
 */
export const stepDisputes = sqliteTable(
	'step_disputes',
	{
		id: text('id').primaryKey(),
		stepId: text('step_id')
			.notNull()
			.references(() => planSteps.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		body: text('body').notNull(),
		createdAt: createdAt(),
		answer: text('answer'),
		answeredBy: text('answered_by').references(() => users.id),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('step_disputes_step_idx').on(t.stepId, t.createdAt),
		index('step_disputes_open_idx')
			.on(t.stepId)
			.where(sql`${t.answeredAt} is null`),
		check(
			'step_disputes_answer_check',
			sql`(${t.answeredAt} is null and ${t.answer} is null and ${t.answeredBy} is null) or (${t.answeredAt} is not null and ${t.answer} is not null and ${t.answeredBy} is not null)`
		)
	]
);

/**
 * A version of the plan the young person approved, kept as it was (the content as JSON and the
 * PDF made from it). Under 18, a custody holder who has the plan shared co-signs it.
 */
export const planApprovals = sqliteTable(
	'plan_approvals',
	{
		id: text('id').primaryKey(),
		planId: text('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		approvedBy: text('approved_by')
			.notNull()
			.references(() => users.id),
		approvedAt: integer('approved_at', { mode: 'timestamp_ms' }).notNull(),
		/** The plan as approved: goal, steps and owners, as the print view shows them. */
		content: text('content', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		/** The young person was under 18 at approval: a custody holder's co-signature is asked. */
		cosignRequired: integer('cosign_required', { mode: 'boolean' }).notNull(),
		cosignedBy: text('cosigned_by').references(() => users.id),
		cosignedAt: integer('cosigned_at', { mode: 'timestamp_ms' }),
		/** The PDF of this version (made again when it is co-signed, to carry the signature). */
		pdf: blob('pdf', { mode: 'buffer' })
	},
	(t) => [
		uniqueIndex('plan_approvals_plan_version_unique').on(t.planId, t.version),
		check('plan_approvals_cosign_check', sql`(${t.cosignedAt} is null) = (${t.cosignedBy} is null)`)
	]
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
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
		/** The calendar file's SEQUENCE (RFC 5545): raised on every change, cancelling included. */
		sequence: integer('sequence').notNull().default(0),
		/** When the day-before reminder push went out (null: not yet). */
		remindedAt: integer('reminded_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('meetings_plan_idx').on(t.planId, t.startsAt),
		check('meetings_duration_check', sql`${t.durationMinutes} between 5 and 600`)
	]
);

export type Plan = typeof plans.$inferSelect;
export type PlanStep = typeof planSteps.$inferSelect;
export type StepComment = typeof stepComments.$inferSelect;
export type StepDispute = typeof stepDisputes.$inferSelect;
export type PlanApproval = typeof planApprovals.$inferSelect;
export type PlanHistoryEntry = typeof planHistory.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
