/**
 * The single plan (docs/product.md rule 1): one per young person, with one goal and steps owned by
 * named parties. This module reads a plan for whoever may see it (logging every read by someone
 * other than the young person, rule 6).
 * The goal and agreement are changed in `goal.ts`, steps in `steps.ts`, meetings in
 * `meetings.ts`.
 */
import { addDays, format, parseISO } from 'date-fns';
import { and, asc, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { db } from '../db';
import { meetings, planHistory, plans, planSteps, stepComments, stepDisputes, users, type Plan, type PlanStep } from '../db/schema';
import { historyText } from '$lib/shared/plan-format';
import { m } from '$lib/paraglide/messages.js';
import { todayIso } from '../dates';
import { authorize, can, currentGuide, ownerAccessOf, recordAccess, relationOf, rule, stepRule, type Actor } from '../access';
import type { Agreement, PersonInvolved, PlanView, SharedPlan, StepGroup, StepView } from '../../shared/plan';

/** Steps due within this many days (or already due) are shown under "now". */
export const NOW_WINDOW_DAYS = 14;

export function agreementOf(plan: Pick<Plan, 'version' | 'agreedVersion'>): Agreement {
	if (plan.agreedVersion === null) return 'never';
	return plan.agreedVersion === plan.version ? 'current' : 'stale';
}

/** Where a step belongs on the page, from its status and due date. */
export function groupOf(step: Pick<PlanStep, 'status' | 'dueDate'>, today: string): StepGroup {
	if (step.status === 'proposed' || step.status === 'declined' || step.status === 'done') return step.status;
	if (step.status === 'doing') return 'now';
	const soon = format(addDays(parseISO(today), NOW_WINDOW_DAYS), 'yyyy-MM-dd');
	return step.dueDate && step.dueDate <= soon ? 'now' : 'next';
}

export function isOverdue(step: Pick<PlanStep, 'status' | 'dueDate'>, today: string): boolean {
	return (step.status === 'todo' || step.status === 'doing') && !!step.dueDate && step.dueDate < today;
}

export function findPlan(youthId: string): Plan | undefined {
	return db().select().from(plans).where(eq(plans.youthId, youthId)).get();
}

function names(ids: string[]): Map<string, { displayName: string; role: string }> {
	const unique = [...new Set(ids)];
	if (!unique.length) return new Map();
	const rows = db()
		.select({ id: users.id, displayName: users.displayName, role: users.role })
		.from(users)
		.where(inArray(users.id, unique))
		.all();
	return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The whole plan as the actor may see it, or null when the young person has no plan yet.
 * Throws 404 unless the actor may read the plan; a read by anyone else than the young person
 * is written to the access log.
 *
 * Who is involved is the `guide` kind of data: someone who may read the plan but not who the
 * guide is (a parent shown only the plan) gets no guide, no list of who is involved and no staff
 * member's name or id anywhere in the view (step owners, comments, history), not merely hidden on
 * the page: what is sent is what they may see.
 */
export function getPlanView(actor: Actor, youthId: string, now = new Date()): PlanView | null {
	authorize(actor, 'plan.read', youthId);
	const youth = db().select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, youthId)).get()!;
	const plan = findPlan(youthId);
	if (!plan) return null;

	const relation = relationOf(actor, youthId, now);
	const mayEdit = rule(actor, 'plan.edit', relation);
	const mayParticipate = rule(actor, 'plan.participate', relation);
	const seesProposals = mayEdit || mayParticipate;
	const seesMeetings = rule(actor, 'meetings.read', relation);
	const seesWhoIsInvolved = rule(actor, 'guide.read', relation);
	recordAccess(actor, youthId, 'plan');
	if (seesMeetings) recordAccess(actor, youthId, 'meetings');

	const today = todayIso(now);
	const guide = seesWhoIsInvolved ? (currentGuide(youthId) ?? null) : null;
	const stepRows = db()
		.select()
		.from(planSteps)
		.where(eq(planSteps.planId, plan.id))
		.orderBy(asc(planSteps.position), asc(planSteps.createdAt))
		.all()
		.filter((s) => seesProposals || (s.status !== 'proposed' && s.status !== 'declined'));
	const commentRows = stepRows.length
		? db()
				.select()
				.from(stepComments)
				.where(
					inArray(
						stepComments.stepId,
						stepRows.map((s) => s.id)
					)
				)
				.orderBy(asc(stepComments.createdAt))
				.all()
		: [];
	const disputeRows = stepRows.length
		? db()
				.select()
				.from(stepDisputes)
				.where(
					inArray(
						stepDisputes.stepId,
						stepRows.map((s) => s.id)
					)
				)
				.orderBy(asc(stepDisputes.createdAt))
				.all()
		: [];
	const historyRows = db().select().from(planHistory).where(eq(planHistory.planId, plan.id)).orderBy(desc(planHistory.createdAt)).all();
	const known = names([
		...stepRows.flatMap((s) => (s.ownerUserId ? [s.ownerUserId] : [])),
		...commentRows.map((c) => c.authorId),
		...disputeRows.flatMap((d) => (d.answeredBy ? [d.answeredBy] : [])),
		...historyRows.flatMap((h) => (h.actorId ? [h.actorId] : []))
	]);
	/** A person's name as this viewer may see it: staff only for those who see who is involved. */
	const nameOf = (id: string): string | null =>
		seesWhoIsInvolved || id === youthId || id === actor.id ? (known.get(id)?.displayName ?? null) : null;

	const ownerName = (s: PlanStep): string | null => {
		if (s.ownerKind === 'youth') return youth.displayName;
		if (s.ownerUserId) return nameOf(s.ownerUserId);
		return s.ownerKind === 'guide' ? (guide?.displayName ?? null) : null;
	};

	// An owner who cannot see the plan (the young person withdrew the consent to their department
	// later) is named only to the guide, with a warning, who is the one to hand the step on. Anyone
	// else, the young person first, is told that the guide is finding someone else, as a real
	// service would say it: naming the caseworker, or their department, would show someone as
	// involved who can no longer see the plan, and whom the young person chose not to share it with.
	const ownerAccess = ownerAccessOf(youthId);
	const steps: StepView[] = stepRows.map((s) => {
		const access = ownerAccess(s);
		const hidden = access !== 'sees' && !mayEdit;
		const disputes = disputeRows.filter((d) => d.stepId === s.id);
		const openDispute = disputes.some((d) => d.answeredAt === null);
		return {
			id: s.id,
			title: s.title,
			description: s.description,
			ownerKind: s.ownerKind,
			ownerDepartment: hidden ? null : s.ownerDepartment,
			ownerUserId: seesWhoIsInvolved && !hidden ? s.ownerUserId : null,
			dueDate: s.dueDate,
			status: s.status,
			version: s.version,
			completedAt: s.completedAt,
			ownerName: hidden ? null : ownerName(s),
			ownerAccess: hidden ? ('not_shared' as const) : access,
			ownerHidden: hidden,
			overdue: isOverdue(s, today),
			group: groupOf(s, today),
			comments: commentRows
				.filter((c) => c.stepId === s.id)
				.map((c) => ({
					id: c.id,
					authorName: nameOf(c.authorId) ?? (known.has(c.authorId) ? m.plan_history_someone() : ''),
					byYouth: c.authorId === youthId,
					body: c.body,
					createdAt: c.createdAt
				})),
			agreedAt: s.agreedAt,
			disputes: disputes.map((d) => ({
				id: d.id,
				body: d.body,
				createdAt: d.createdAt,
				answer: d.answer,
				answeredAt: d.answeredAt,
				answeredByName: d.answeredBy ? nameOf(d.answeredBy) : null
			})),
			may: {
				edit: stepRule(actor, 'step.edit', relation, s),
				update: stepRule(actor, 'step.update', relation, s),
				complete: stepRule(actor, 'step.complete', relation, s) && (s.status === 'todo' || s.status === 'doing' || s.status === 'done'),
				comment: stepRule(actor, 'step.comment', relation, s),
				agree: stepRule(actor, 'step.agree', relation, s) && s.status !== 'proposed' && s.status !== 'declined',
				dispute: stepRule(actor, 'step.dispute', relation, s) && !openDispute,
				answer: stepRule(actor, 'step.answerDispute', relation, s) && openDispute
			}
		};
	});

	return {
		youth,
		plan: {
			id: plan.id,
			goalType: plan.goalType,
			goalText: plan.goalText,
			targetDate: plan.targetDate,
			currentSituation: plan.currentSituation,
			version: plan.version,
			agreedAt: plan.agreedAt,
			createdAt: plan.createdAt,
			updatedAt: plan.updatedAt
		},
		agreement: agreementOf(plan),
		guide,
		steps,
		meetings: seesMeetings
			? db()
					.select({
						id: meetings.id,
						startsAt: meetings.startsAt,
						durationMinutes: meetings.durationMinutes,
						place: meetings.place,
						withWhom: meetings.withWhom,
						bring: meetings.bring
					})
					.from(meetings)
					.where(
						and(eq(meetings.planId, plan.id), isNull(meetings.cancelledAt), gt(meetings.startsAt, new Date(now.getTime() - 3_600_000)))
					)
					.orderBy(asc(meetings.startsAt))
					.all()
			: null,
		people: seesWhoIsInvolved ? peopleInvolved(guide, steps) : null,
		history: historyRows.map((h) => {
			const facts = {
				action: h.action,
				details: h.details,
				actorName: h.actorId ? nameOf(h.actorId) : null,
				byViewer: h.actorId === actor.id
			};
			return { id: h.id, ...facts, createdAt: h.createdAt, text: historyText(facts) };
		}),
		today,
		may: { edit: mayEdit, participate: mayParticipate }
	};
}

/** The plan if the young person shares it with the actor (a parent, say); nothing is read otherwise. */
export function readSharedPlan(actor: NonNullable<Actor>, youthId: string): SharedPlan {
	const shared = can(actor, 'plan.read', youthId);
	return { shared, view: shared ? getPlanView(actor, youthId) : null };
}

/** Every professional on the plan: the guide, named caseworkers and departments owning steps. */
function peopleInvolved(guide: { displayName: string } | null, steps: StepView[]): PersonInvolved[] {
	const list: PersonInvolved[] = guide ? [{ kind: 'guide', name: guide.displayName, department: null }] : [];
	const seen = new Set<string>();
	for (const s of steps) {
		if (s.status === 'proposed' || s.status === 'declined' || !s.ownerDepartment || s.ownerAccess !== 'sees') continue;
		const named = s.ownerKind === 'caseworker' && s.ownerName;
		const key = named ? `caseworker:${s.ownerUserId}` : `department:${s.ownerDepartment}`;
		if (seen.has(key)) continue;
		seen.add(key);
		list.push(
			named
				? { kind: 'caseworker', name: s.ownerName, department: s.ownerDepartment }
				: { kind: 'department', name: null, department: s.ownerDepartment }
		);
	}
	// A department already named through one of its caseworkers needs no line of its own.
	return list.filter((p) => p.kind !== 'department' || !list.some((q) => q.kind === 'caseworker' && q.department === p.department));
}
