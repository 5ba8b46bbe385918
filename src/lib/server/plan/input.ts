/**
 * What may be written into a plan: one zod schema per form, the limits on texts and dates, and
 * the mapping from the first problem to an error code the page shows in the user's language.
 */
import { addYears, format, parseISO } from 'date-fns';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import { DEPARTMENTS, GOAL_TYPES, users, type Department, type StepOwnerKind } from '../db/schema';
import { isIsoDate, todayIso } from '../dates';
import type { OwnerChoice } from '../../shared/plan';
import { authorize, ownerAccessOf, type Actor } from '../access';

export const LIMITS = {
	title: 120,
	description: 1000,
	goalText: 500,
	situation: 1000,
	comment: 500,
	place: 200,
	withWhom: 200,
	bring: 500,
	dispute: 1000,
	answer: 1000
} as const;

export type InputError =
	| 'goal_type'
	| 'goal_text'
	| 'target_date'
	| 'situation'
	| 'title'
	| 'description'
	| 'owner'
	| 'due_date'
	| 'status'
	| 'comment'
	| 'starts_at'
	| 'duration'
	| 'place'
	| 'with_whom'
	| 'bring'
	| 'dispute'
	| 'answer'
	| 'version';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1);
const optionalDate = z.string().refine((v) => v === '' || isIsoDate(v));
const version = z.coerce.number().int().min(1);

export const goalInput = z.object({
	goalType: z.enum(GOAL_TYPES),
	goalText: required(LIMITS.goalText),
	targetDate: optionalDate,
	currentSituation: text(LIMITS.situation)
});

export const stepInput = z.object({
	title: required(LIMITS.title),
	description: text(LIMITS.description),
	owner: z.string().max(80),
	dueDate: optionalDate,
	status: z.enum(['todo', 'doing', 'done'])
});

/** A caseworker updates their department's step: not its owner. */
export const departmentStepInput = stepInput.omit({ owner: true });

export const proposalInput = z.object({
	title: required(LIMITS.title),
	description: text(LIMITS.description),
	dueDate: optionalDate
});

export const commentInput = z.object({ body: required(LIMITS.comment) });

/** The young person disputes an agreed step; the guide answers (issue 21). */
export const disputeInput = z.object({ dispute: required(LIMITS.dispute) });
export const answerInput = z.object({ answer: required(LIMITS.answer) });

export const meetingInput = z.object({
	startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
	durationMinutes: z.coerce.number().int().min(5).max(600),
	place: required(LIMITS.place),
	withWhom: required(LIMITS.withWhom),
	bring: text(LIMITS.bring)
});

export const versionInput = z.object({ version });

const FIELD_ERRORS: Record<string, InputError> = {
	goalType: 'goal_type',
	goalText: 'goal_text',
	targetDate: 'target_date',
	currentSituation: 'situation',
	title: 'title',
	description: 'description',
	owner: 'owner',
	dueDate: 'due_date',
	status: 'status',
	body: 'comment',
	startsAt: 'starts_at',
	durationMinutes: 'duration',
	place: 'place',
	withWhom: 'with_whom',
	bring: 'bring',
	dispute: 'dispute',
	answer: 'answer',
	version: 'version'
};

/** Parses input with a schema: the data, or the error code of the first problem. */
export function parse<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.infer<S> } | { ok: false; error: InputError } {
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const path = String(result.error.issues[0]?.path[0] ?? 'version');
	return { ok: false, error: FIELD_ERRORS[path] ?? 'version' };
}

/**
 * A calendar date a plan may hold: not before the day the plan was made, and not absurdly far
 * ahead (ten years). Empty is allowed (no date).
 */
export function dateFitsPlan(value: string, planCreatedAt: Date, now = new Date()): boolean {
	if (value === '') return true;
	const earliest = todayIso(planCreatedAt);
	const latest = format(addYears(parseISO(todayIso(now)), 10), 'yyyy-MM-dd');
	return value >= earliest && value <= latest;
}

export interface Owner {
	ownerKind: StepOwnerKind;
	ownerDepartment: Department | null;
	ownerUserId: string | null;
}

/**
 * The owner a form names: `youth`, `guide`, `department:<department>` or `caseworker:<user id>`.
 * Null when it names nothing that exists.
 */
export function resolveOwner(value: string, guideId: string | null): Owner | null {
	if (value === 'youth') return { ownerKind: 'youth', ownerDepartment: null, ownerUserId: null };
	if (value === 'guide') return { ownerKind: 'guide', ownerDepartment: null, ownerUserId: guideId };
	const [kind, ref] = value.split(':', 2);
	if (kind === 'department' && (DEPARTMENTS as readonly string[]).includes(ref ?? '')) {
		return { ownerKind: 'department', ownerDepartment: ref as Department, ownerUserId: null };
	}
	if (kind === 'caseworker' && ref) {
		const person = db()
			.select({ id: users.id, department: users.department })
			.from(users)
			.where(and(eq(users.id, ref), eq(users.role, 'caseworker'), isNull(users.disabledAt)))
			.get();
		if (person?.department) return { ownerKind: 'caseworker', ownerDepartment: person.department, ownerUserId: person.id };
	}
	return null;
}

/**
 * The departments and caseworkers the guide may name as a step's owner: only those who can see
 * the plan now, under the young person's consent (the owner rule in the access part), so that no
 * step goes to someone who would never see it. The young person and the guide are always offered.
 */
export function listOwnerChoices(actor: Actor, youthId: string): OwnerChoice[] {
	authorize(actor, 'plan.edit', youthId);
	const sees = ownerAccessOf(youthId);
	const caseworkers = db()
		.select({ id: users.id, displayName: users.displayName, department: users.department })
		.from(users)
		.where(and(eq(users.role, 'caseworker'), isNull(users.disabledAt)))
		.all()
		.filter((c) => c.department && sees({ ownerKind: 'caseworker', ownerDepartment: c.department }) === 'sees')
		.sort((a, b) => a.displayName.localeCompare(b.displayName, 'da'));
	return [
		...DEPARTMENTS.filter((d) => sees({ ownerKind: 'department', ownerDepartment: d }) === 'sees').map((d) => ({
			value: `department:${d}`,
			kind: 'department' as const,
			name: null,
			department: d
		})),
		...caseworkers.map((c) => ({
			value: `caseworker:${c.id}`,
			kind: 'caseworker' as const,
			name: c.displayName,
			department: c.department!
		}))
	];
}
