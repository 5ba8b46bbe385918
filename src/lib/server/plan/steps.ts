/**
 * The steps of a plan: the guide adds, edits, orders and removes them and answers proposals; a
 * caseworker under consent updates the steps their department owns; the young person marks their
 * own steps done, proposes new ones and comments. Who may do what is decided by `stepRule` in
 * the access rules; every save of an existing step names the version it started from, so two people
 * never silently overwrite each other.
 */
import { error } from '@sveltejs/kit';
import { and, asc, eq, max } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { plans, planSteps, stepComments, type Plan, type PlanStep } from '../db/schema';
import { newId } from '../ids';
import { authorize, canOnStep, currentGuide, ownerAccessOf, recordAccess, type Actor, type StepAction } from '../access';
import type { SessionUser } from '../auth';
import { findPlan, groupOf } from './view';
import { todayIso } from '../dates';
import {
	commentInput,
	dateFitsPlan,
	departmentStepInput,
	parse,
	proposalInput,
	resolveOwner,
	stepInput,
	versionInput,
	type InputError,
	type Owner
} from './input';
import { noteChange, touchPlan, type Outcome } from './history';

export interface StepValues {
	title?: string;
	description?: string;
	owner?: string;
	dueDate?: string;
	status?: string;
	version?: string;
}

type StepError = InputError | 'owner_not_permitted' | 'conflict' | 'no_plan' | 'not_found' | 'state';

/** The step with its plan, if it is on this young person's plan and the actor may act on it; else 404. */
export function stepOf(actor: SessionUser, youthId: string, stepId: string, action: StepAction): { step: PlanStep; plan: Plan } {
	const row = db()
		.select({ step: planSteps, plan: plans })
		.from(planSteps)
		.innerJoin(plans, eq(plans.id, planSteps.planId))
		.where(and(eq(planSteps.id, stepId), eq(plans.youthId, youthId)))
		.get();
	if (!row || !canOnStep(actor, action, youthId, row.step)) error(404, 'not_found');
	return row;
}

function nextPosition(tx: Tx, planId: string): number {
	const row = tx
		.select({ top: max(planSteps.position) })
		.from(planSteps)
		.where(eq(planSteps.planId, planId))
		.get();
	return (row?.top ?? 0) + 1;
}

function currentValues(step: PlanStep) {
	return {
		title: step.title,
		description: step.description,
		dueDate: step.dueDate ?? '',
		status: step.status,
		version: step.version,
		ownerKind: step.ownerKind,
		ownerDepartment: step.ownerDepartment,
		ownerUserId: step.ownerUserId
	};
}

const sameOwner = (a: Owner, b: Pick<PlanStep, 'ownerKind' | 'ownerDepartment' | 'ownerUserId'>) =>
	a.ownerKind === b.ownerKind && a.ownerDepartment === b.ownerDepartment && a.ownerUserId === b.ownerUserId;

/**
 * Validated step content from a form, with its owner resolved. A new owner must be able to see
 * the plan (the owner rule, rule 6): otherwise `owner_not_permitted`. The owner a step already
 * has is kept even when they have lost access since (a consent withdrawn later), so the guide
 * can still save the step's status; the page warns the guide about that step instead.
 */
function readStep(
	raw: StepValues,
	plan: Plan,
	withOwner: boolean,
	now: Date,
	existing: PlanStep | null = null
): Outcome<StepError, { data: Omit<typeof stepInput._output, 'owner'> & { owner: Owner | null } }> {
	const input = withOwner ? parse(stepInput, raw) : parse(departmentStepInput, raw);
	if (!input.ok) return input;
	if (!dateFitsPlan(input.data.dueDate, plan.createdAt, now)) return { ok: false, error: 'due_date' };
	let owner: Owner | null = null;
	if (withOwner) {
		owner = resolveOwner(raw.owner ?? '', currentGuide(plan.youthId)?.id ?? null);
		if (!owner) return { ok: false, error: 'owner' };
		const kept = existing !== null && existing.status !== 'proposed' && sameOwner(owner, existing);
		if (!kept && ownerAccessOf(plan.youthId)(owner) !== 'sees') return { ok: false, error: 'owner_not_permitted' };
	}
	return { ok: true, data: { ...input.data, owner } };
}

/** The guide adds a step to the plan. */
export function addStep(actor: Actor, youthId: string, raw: StepValues, now = new Date()): Outcome<StepError, { stepId: string }> {
	authorize(actor, 'plan.edit', youthId);
	const plan = findPlan(youthId);
	if (!plan) return { ok: false, error: 'no_plan' };
	const input = readStep(raw, plan, true, now);
	if (!input.ok) return input;
	const { owner, ...content } = input.data;
	const stepId = newId();
	db().transaction((tx) => {
		tx.insert(planSteps)
			.values({
				id: stepId,
				planId: plan.id,
				...content,
				...owner!,
				dueDate: content.dueDate || null,
				position: nextPosition(tx, plan.id),
				completedAt: content.status === 'done' ? now : null,
				createdAt: now,
				updatedAt: now
			})
			.run();
		touchPlan(tx, plan.id, now, true);
		noteChange(tx, plan.id, actor.id, 'step_added', { title: content.title }, now);
	});
	return { ok: true, stepId };
}

/**
 * Saves an edited step: the guide changes everything, a caseworker their department's step
 * (not its owner). A proposal is accepted with `accept`: it joins the plan with the values given.
 */
export function updateStep(
	actor: Actor,
	youthId: string,
	stepId: string,
	raw: StepValues,
	now = new Date(),
	accept = false
): Outcome<StepError> {
	authorize(actor, 'plan.read', youthId);
	const { step, plan } = stepOf(actor, youthId, stepId, accept ? 'step.edit' : 'step.update');
	if (accept ? step.status !== 'proposed' : step.status === 'proposed' || step.status === 'declined') return { ok: false, error: 'state' };
	const v = parse(versionInput, { version: raw.version });
	if (!v.ok) return v;
	const withOwner = canOnStep(actor, 'step.edit', youthId, step);
	const input = readStep(raw, plan, withOwner, now, step);
	if (!input.ok) return input;
	const { owner, ...content } = input.data;
	const next = { ...content, dueDate: content.dueDate || null, ...(owner ?? {}) };
	const contentChanged =
		accept ||
		next.title !== step.title ||
		next.description !== step.description ||
		next.dueDate !== step.dueDate ||
		(owner !== null &&
			(owner.ownerKind !== step.ownerKind || owner.ownerDepartment !== step.ownerDepartment || owner.ownerUserId !== step.ownerUserId));
	const statusChanged = next.status !== step.status;
	// An agreed step whose content changes is no longer what was agreed: the mark comes off.
	const agreementEnds = step.agreedAt !== null && contentChanged;
	return db().transaction((tx) => {
		const changed = tx
			.update(planSteps)
			.set({
				...next,
				version: step.version + 1,
				updatedAt: now,
				completedAt: next.status === 'done' ? (step.completedAt ?? now) : null,
				...(agreementEnds ? { agreedAt: null, agreedBy: null } : {})
			})
			.where(and(eq(planSteps.id, step.id), eq(planSteps.version, v.data.version)))
			.run().changes;
		if (changed !== 1) {
			const current = tx.select().from(planSteps).where(eq(planSteps.id, step.id)).get();
			return {
				ok: false as const,
				error: current ? ('conflict' as const) : ('not_found' as const),
				current: current && currentValues(current)
			};
		}
		touchPlan(tx, plan.id, now, contentChanged);
		if (accept) noteChange(tx, plan.id, actor.id, 'step_accepted', { title: next.title }, now);
		else if (contentChanged) noteChange(tx, plan.id, actor.id, 'step_changed', { title: next.title }, now);
		else if (statusChanged) noteChange(tx, plan.id, actor.id, 'step_status_changed', { title: next.title, status: next.status }, now);
		if (agreementEnds) noteChange(tx, plan.id, actor.id, 'step_unagreed', { title: next.title }, now);
		return { ok: true as const };
	});
}

/** The guide removes a step; refused if it changed since the guide saw it. */
export function removeStep(actor: Actor, youthId: string, stepId: string, rawVersion: unknown, now = new Date()): Outcome<StepError> {
	authorize(actor, 'plan.read', youthId);
	const { step, plan } = stepOf(actor, youthId, stepId, 'step.edit');
	const v = parse(versionInput, { version: rawVersion });
	if (!v.ok) return v;
	return db().transaction((tx) => {
		const removed = tx
			.delete(planSteps)
			.where(and(eq(planSteps.id, step.id), eq(planSteps.version, v.data.version)))
			.run().changes;
		if (removed !== 1) return { ok: false as const, error: 'conflict' as const };
		touchPlan(tx, plan.id, now, step.status !== 'proposed' && step.status !== 'declined');
		noteChange(tx, plan.id, actor.id, 'step_removed', { title: step.title }, now);
		return { ok: true as const };
	});
}

/**
 * The step the guide is asked to confirm removing (the confirm page without JavaScript): its
 * title and the version to remove. 404 unless the actor may remove it; the look is logged.
 */
export function stepToRemove(actor: Actor, youthId: string, stepId: string): { id: string; title: string; version: number } {
	authorize(actor, 'plan.edit', youthId);
	const { step } = stepOf(actor, youthId, stepId, 'step.edit');
	recordAccess(actor, youthId, 'plan');
	return { id: step.id, title: step.title, version: step.version };
}

/**
 * The guide moves a step one place up or down among the steps shown beside it (the same group:
 * now, next or done), so that the move is visible on the page.
 */
export function moveStep(actor: Actor, youthId: string, stepId: string, direction: string, now = new Date()): Outcome<StepError> {
	authorize(actor, 'plan.read', youthId);
	const { step, plan } = stepOf(actor, youthId, stepId, 'step.edit');
	if (direction !== 'up' && direction !== 'down') return { ok: false, error: 'state' };
	const today = todayIso(now);
	db().transaction((tx) => {
		const order = tx
			.select()
			.from(planSteps)
			.where(eq(planSteps.planId, plan.id))
			.orderBy(asc(planSteps.position), asc(planSteps.createdAt))
			.all();
		const from = order.findIndex((s) => s.id === step.id);
		const group = groupOf(step, today);
		const neighbours = order.map((s, i) => ({ s, i })).filter(({ s }) => s.id !== step.id && groupOf(s, today) === group);
		const to = direction === 'up' ? neighbours.filter(({ i }) => i < from).at(-1)?.i : neighbours.find(({ i }) => i > from)?.i;
		if (to === undefined) return;
		[order[from], order[to]] = [order[to]!, order[from]!];
		order.forEach((s, i) =>
			tx
				.update(planSteps)
				.set({ position: i + 1 })
				.where(eq(planSteps.id, s.id))
				.run()
		);
		touchPlan(tx, plan.id, now, true);
		noteChange(tx, plan.id, actor.id, 'steps_reordered', { title: step.title }, now);
	});
	return { ok: true };
}

/** The guide declines a proposed step: it stays visible to the young person as not added. */
export function declineStep(actor: Actor, youthId: string, stepId: string, rawVersion: unknown, now = new Date()): Outcome<StepError> {
	authorize(actor, 'plan.read', youthId);
	const { step, plan } = stepOf(actor, youthId, stepId, 'step.edit');
	if (step.status !== 'proposed') return { ok: false, error: 'state' };
	const v = parse(versionInput, { version: rawVersion });
	if (!v.ok) return v;
	return db().transaction((tx) => {
		const changed = tx
			.update(planSteps)
			.set({ status: 'declined', version: step.version + 1, updatedAt: now })
			.where(and(eq(planSteps.id, step.id), eq(planSteps.version, v.data.version)))
			.run().changes;
		if (changed !== 1) return { ok: false as const, error: 'conflict' as const };
		touchPlan(tx, plan.id, now, false);
		noteChange(tx, plan.id, actor.id, 'step_declined', { title: step.title }, now);
		return { ok: true as const };
	});
}

/** The young person proposes a step; it joins the plan when the guide accepts it. */
export function proposeStep(actor: Actor, youthId: string, raw: StepValues, now = new Date()): Outcome<StepError> {
	authorize(actor, 'plan.participate', youthId);
	const plan = findPlan(youthId);
	if (!plan) return { ok: false, error: 'no_plan' };
	const input = parse(proposalInput, raw);
	if (!input.ok) return input;
	if (!dateFitsPlan(input.data.dueDate, plan.createdAt, now)) return { ok: false, error: 'due_date' };
	db().transaction((tx) => {
		tx.insert(planSteps)
			.values({
				id: newId(),
				planId: plan.id,
				...input.data,
				dueDate: input.data.dueDate || null,
				ownerKind: 'youth',
				status: 'proposed',
				proposedBy: actor.id,
				position: nextPosition(tx, plan.id),
				createdAt: now,
				updatedAt: now
			})
			.run();
		touchPlan(tx, plan.id, now, false);
		noteChange(tx, plan.id, actor.id, 'step_proposed', { title: input.data.title }, now);
	});
	return { ok: true };
}

/** The young person marks one of their own steps done, or not done after all. */
export function setOwnStepDone(actor: Actor, youthId: string, stepId: string, done: boolean, now = new Date()): Outcome<StepError> {
	authorize(actor, 'plan.read', youthId);
	const { step, plan } = stepOf(actor, youthId, stepId, 'step.complete');
	if (step.status === (done ? 'done' : 'todo')) return { ok: true };
	if (done ? step.status !== 'todo' && step.status !== 'doing' : step.status !== 'done') return { ok: false, error: 'state' };
	db().transaction((tx) => {
		tx.update(planSteps)
			.set({ status: done ? 'done' : 'todo', completedAt: done ? now : null, version: step.version + 1, updatedAt: now })
			.where(eq(planSteps.id, step.id))
			.run();
		touchPlan(tx, plan.id, now, false);
		noteChange(tx, plan.id, actor.id, done ? 'step_done' : 'step_reopened', { title: step.title }, now);
	});
	return { ok: true };
}

/** A short comment on a step, by the young person, the guide or the owning department. */
export function commentOnStep(actor: Actor, youthId: string, stepId: string, raw: { body?: string }, now = new Date()): Outcome<StepError> {
	authorize(actor, 'plan.read', youthId);
	const { step } = stepOf(actor, youthId, stepId, 'step.comment');
	const input = parse(commentInput, raw);
	if (!input.ok) return input;
	db().insert(stepComments).values({ id: newId(), stepId: step.id, authorId: actor.id, body: input.data.body, createdAt: now }).run();
	return { ok: true };
}
