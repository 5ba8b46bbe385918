/**
 * The plan's goal and the young person's agreement to the plan: the guide starts a plan and
 * changes its goal (optimistic concurrency on the plan's version); the young person says "I
 * agree with my plan", which is recorded with the version and the time.
 */
import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { plans, users, type GoalType } from '../db/schema';
import { newId } from '../ids';
import { authorize, type Actor } from '../access';
import { findPlan, getPlanView } from './view';
import { approvedContent, keepApproval, makeApprovalPdfSoon, municipalityName } from './approval';
import { dateFitsPlan, goalInput, LIMITS, parse, versionInput, type InputError } from './input';
import { noteChange, touchPlan, type Outcome } from './history';

export interface GoalValues {
	goalType: string;
	goalText: string;
	targetDate: string;
	currentSituation: string;
	version?: string;
}

/** The guide starts the plan for a young person who has none. */
export function createPlan(
	actor: Actor,
	youthId: string,
	raw: GoalValues,
	now = new Date()
): Outcome<InputError | 'exists', { planId: string }> {
	authorize(actor, 'plan.edit', youthId);
	const input = parse(goalInput, raw);
	if (!input.ok) return input;
	if (!dateFitsPlan(input.data.targetDate, now, now)) return { ok: false, error: 'target_date' };
	const planId = newId();
	return db().transaction((tx) => {
		if (tx.select({ id: plans.id }).from(plans).where(eq(plans.youthId, youthId)).get())
			return { ok: false as const, error: 'exists' as const };
		tx.insert(plans)
			.values({ id: planId, youthId, ...input.data, targetDate: input.data.targetDate || null, createdAt: now, updatedAt: now })
			.run();
		noteChange(tx, planId, actor.id, 'plan_created', {}, now);
		return { ok: true as const, planId };
	});
}

/**
 * The guide changes the goal. The form carries the version it was opened on: if someone saved
 * in between, nothing is written and the saved values come back with a conflict.
 */
export function updateGoal(actor: Actor, youthId: string, raw: GoalValues, now = new Date()): Outcome<InputError | 'conflict' | 'no_plan'> {
	authorize(actor, 'plan.edit', youthId);
	const v = parse(versionInput, { version: raw.version });
	if (!v.ok) return v;
	const input = parse(goalInput, raw);
	if (!input.ok) return input;
	const plan = findPlan(youthId);
	if (!plan) return { ok: false, error: 'no_plan' };
	if (!dateFitsPlan(input.data.targetDate, plan.createdAt, now)) return { ok: false, error: 'target_date' };
	return db().transaction((tx) => {
		const changed = tx
			.update(plans)
			.set({ ...input.data, targetDate: input.data.targetDate || null })
			.where(and(eq(plans.id, plan.id), eq(plans.version, v.data.version)))
			.run().changes;
		if (changed !== 1) {
			const current = tx.select().from(plans).where(eq(plans.id, plan.id)).get()!;
			return {
				ok: false as const,
				error: 'conflict' as const,
				current: {
					goalType: current.goalType,
					goalText: current.goalText,
					targetDate: current.targetDate ?? '',
					currentSituation: current.currentSituation,
					version: current.version
				}
			};
		}
		touchPlan(tx, plan.id, now, true);
		noteChange(tx, plan.id, actor.id, 'goal_changed', { goal: input.data.goalText }, now);
		return { ok: true as const };
	});
}

/**
 * "I agree with my plan": recorded with the version and the time, and that version is kept as
 * approved (approval.ts: its content as the print view shows it, and a PDF of it; under 18 a
 * custody holder is asked to co-sign). If the plan changed since the young person opened it,
 * nothing is recorded and they are asked to look at it again. (Not `async`: a refusal by the
 * policy is thrown at once, as everywhere else.)
 */
export function agreeToPlan(
	actor: Actor,
	youthId: string,
	rawVersion: unknown,
	now = new Date()
): Promise<Outcome<InputError | 'stale' | 'no_plan'>> {
	authorize(actor, 'plan.participate', youthId);
	const v = parse(versionInput, { version: rawVersion });
	if (!v.ok) return Promise.resolve(v);
	const plan = findPlan(youthId);
	if (!plan) return Promise.resolve({ ok: false, error: 'no_plan' });
	const youth = db().select({ id: users.id, birthDate: users.birthDate }).from(users).where(eq(users.id, youthId)).get()!;
	const kept = db().transaction((tx) => {
		const changed = tx
			.update(plans)
			.set({ agreedVersion: v.data.version, agreedAt: now })
			.where(and(eq(plans.id, plan.id), eq(plans.version, v.data.version)))
			.run().changes;
		if (changed !== 1) return null;
		noteChange(tx, plan.id, actor.id, 'plan_agreed', {}, now);
		// The content as the young person sees it now (the same connection: this transaction's view).
		const content = approvedContent(getPlanView(actor, youthId, now)!, municipalityName());
		return keepApproval(tx, { id: plan.id, version: v.data.version }, youth, content, now);
	});
	if (kept === null) return Promise.resolve({ ok: false, error: 'stale' });
	// The young person has their answer now; the PDF follows (approval.ts).
	makeApprovalPdfSoon(kept);
	return Promise.resolve({ ok: true });
}

/** The longest goal a plan takes (the import checks its rows against it). */
export const GOAL_TEXT_MAX = LIMITS.goalText;

/**
 * An imported caseload's plan goal (admin/, the coordinator's import): a plan is started when the
 * young person has none, and its goal changed when it differs, each kept in the plan's history as
 * a guide's change would be. In the caller's transaction; the admin part has checked the actor
 * (null: the command-line import).
 */
export function importGoal(
	tx: Tx,
	youthId: string,
	goal: { goalType: GoalType; goalText: string },
	actorId: string | null,
	now: Date
): 'created' | 'changed' | 'unchanged' {
	const plan = tx.select().from(plans).where(eq(plans.youthId, youthId)).get();
	if (!plan) {
		const planId = newId();
		tx.insert(plans)
			.values({ id: planId, youthId, ...goal, createdAt: now, updatedAt: now })
			.run();
		noteChange(tx, planId, actorId, 'plan_created', {}, now);
		return 'created';
	}
	if (plan.goalType === goal.goalType && plan.goalText === goal.goalText) return 'unchanged';
	tx.update(plans).set(goal).where(eq(plans.id, plan.id)).run();
	touchPlan(tx, plan.id, now, true);
	noteChange(tx, plan.id, actorId, 'goal_changed', { goal: goal.goalText }, now);
	return 'changed';
}
