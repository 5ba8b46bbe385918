/**
 * Steps "agreed with the young person" and disputes (issue 21, "a plan with weight").
 *
 * The guide, who keeps the plan, marks a step agreed with the young person, and may take the mark
 * off again; both are written to the plan's history. A change to an agreed step's content takes
 * the mark off by itself (see `updateStep`): it is no longer what was agreed. The young person
 * cannot change an agreed step, but may dispute it: a short text the guide must answer. One open
 * dispute per step at a time; the guide's answer closes it. The step itself never changes by a
 * dispute. Who may do what is decided by `stepRule` in the access rules (`step.agree`,
 * `step.dispute`, `step.answerDispute`); reading the disputes goes with reading the plan.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '../db';
import { planSteps, stepDisputes } from '../db/schema';
import { newId } from '../ids';
import { authorize, canOnStep, currentAssignment, type Actor } from '../access';
import { notifyStepDisputed } from '../push';
import { answerInput, disputeInput, parse, versionInput, type InputError } from './input';
import { noteChange, touchPlan, type Outcome } from './history';
import { stepOf } from './steps';

type AgreementError = InputError | 'state' | 'conflict' | 'not_agreed' | 'dispute_open' | 'no_dispute';

/** Proposals and declined proposals are not in the plan: there is nothing to agree on. */
const inPlan = (status: string) => status !== 'proposed' && status !== 'declined';

/**
 * The guide marks a step agreed with the young person, as the guide saw it: refused (`conflict`)
 * if the step changed since (`version`), so that no one marks agreed what they did not see.
 */
export function markStepAgreed(
	actor: Actor,
	youthId: string,
	stepId: string,
	rawVersion: unknown,
	now = new Date()
): Outcome<AgreementError> {
	authorize(actor, 'plan.read', youthId);
	const { step, plan } = stepOf(actor, youthId, stepId, 'step.agree');
	if (!inPlan(step.status)) return { ok: false, error: 'state' };
	const v = parse(versionInput, { version: rawVersion });
	if (!v.ok) return v;
	if (v.data.version !== step.version) return { ok: false, error: 'conflict' };
	if (step.agreedAt) return { ok: true };
	return db().transaction((tx) => {
		const changed = tx
			.update(planSteps)
			.set({ agreedAt: now, agreedBy: actor.id })
			.where(and(eq(planSteps.id, step.id), eq(planSteps.version, v.data.version), isNull(planSteps.agreedAt)))
			.run().changes;
		if (changed !== 1) return { ok: false as const, error: 'conflict' as const };
		touchPlan(tx, plan.id, now, false);
		noteChange(tx, plan.id, actor.id, 'step_agreed', { title: step.title }, now);
		return { ok: true as const };
	});
}

/** The guide takes the "agreed" mark off a step again (an open dispute stays open until answered). */
export function unmarkStepAgreed(actor: Actor, youthId: string, stepId: string, now = new Date()): Outcome<AgreementError> {
	authorize(actor, 'plan.read', youthId);
	const { step, plan } = stepOf(actor, youthId, stepId, 'step.agree');
	if (!step.agreedAt) return { ok: true };
	db().transaction((tx) => {
		tx.update(planSteps).set({ agreedAt: null, agreedBy: null }).where(eq(planSteps.id, step.id)).run();
		touchPlan(tx, plan.id, now, false);
		noteChange(tx, plan.id, actor.id, 'step_unagreed', { title: step.title }, now);
	});
	return { ok: true };
}

/**
 * The young person disputes an agreed step: a short text (required, at most 1000 characters) the
 * guide must answer. Refused while the step is not agreed (`not_agreed`) or already has an open
 * dispute (`dispute_open`). Only the young person disputes (404 for anyone else).
 */
export function disputeStep(
	actor: Actor,
	youthId: string,
	stepId: string,
	raw: { dispute?: string },
	now = new Date()
): Outcome<AgreementError> {
	authorize(actor, 'plan.participate', youthId);
	// Found as a step she may comment on (any step of her plan); the dispute rule then asks for the mark.
	const { step, plan } = stepOf(actor, youthId, stepId, 'step.comment');
	const input = parse(disputeInput, raw);
	if (!input.ok) return input;
	if (!canOnStep(actor, 'step.dispute', youthId, step)) return { ok: false, error: 'not_agreed' };
	const done = db().transaction((tx): Outcome<AgreementError> => {
		const open = tx
			.select({ id: stepDisputes.id })
			.from(stepDisputes)
			.where(and(eq(stepDisputes.stepId, step.id), isNull(stepDisputes.answeredAt)))
			.get();
		if (open) return { ok: false as const, error: 'dispute_open' as const };
		tx.insert(stepDisputes).values({ id: newId(), stepId: step.id, authorId: actor.id, body: input.data.dispute, createdAt: now }).run();
		touchPlan(tx, plan.id, now, false);
		noteChange(tx, plan.id, actor.id, 'step_disputed', { title: step.title }, now);
		return { ok: true as const };
	});
	// The guide must answer: they are told at once (the notice names neither the young person nor the step).
	if (done.ok) void notifyStepDisputed(currentAssignment(youthId)?.guideId ?? null);
	return done;
}

/** The guide answers the open dispute on a step (required text); the answer closes it. */
export function answerDispute(
	actor: Actor,
	youthId: string,
	stepId: string,
	raw: { answer?: string },
	now = new Date()
): Outcome<AgreementError> {
	authorize(actor, 'plan.read', youthId);
	const { step, plan } = stepOf(actor, youthId, stepId, 'step.answerDispute');
	const input = parse(answerInput, raw);
	if (!input.ok) return input;
	return db().transaction((tx) => {
		const answered = tx
			.update(stepDisputes)
			.set({ answer: input.data.answer, answeredBy: actor.id, answeredAt: now })
			.where(and(eq(stepDisputes.stepId, step.id), isNull(stepDisputes.answeredAt)))
			.run().changes;
		if (answered === 0) return { ok: false as const, error: 'no_dispute' as const };
		touchPlan(tx, plan.id, now, false);
		noteChange(tx, plan.id, actor.id, 'dispute_answered', { title: step.title }, now);
		return { ok: true as const };
	});
}
