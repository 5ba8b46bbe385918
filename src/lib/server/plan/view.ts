/**
 * The single plan (docs/product.md rule 1): one per young person, with one goal and steps owned by
 * named parties. This module reads a plan for whoever may see it (logging every read by someone
 * other than the young person, rule 6).
 * The goal and agreement are changed in `goal.ts`, steps in `steps.ts`, meetings in
 * `meetings.ts`.
 */
import { and, asc, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { prepareOnce } from '../db';
import { inJsonIds } from '../db/slices';
import { meetings, planHistory, plans, planSteps, stepComments, stepDisputes, users, type Plan, type PlanStep } from '../db/schema';
import { historyText } from '$lib/shared/plan-format';
import { m } from '$lib/paraglide/messages.js';
import { addDaysIso, todayIso } from '../dates';
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
	const soon = addDaysIso(today, NOW_WINDOW_DAYS);
	return step.dueDate && step.dueDate <= soon ? 'now' : 'next';
}

export function isOverdue(step: Pick<PlanStep, 'status' | 'dueDate'>, today: string): boolean {
	return (step.status === 'todo' || step.status === 'doing') && !!step.dueDate && step.dueDate < today;
}

/*
 * The plan page's queries, built once (issue 23): every young person opens this page first, and
 * building its SQL anew on each view cost more than running it.
 */
const planOf = prepareOnce((database) =>
	database
		.select(getTableColumns(plans))
		.from(plans)
		.where(eq(plans.youthId, sql.placeholder('youthId')))
		.prepare()
);
const nameOfYouth = prepareOnce((database) =>
	database
		.select({ id: users.id, displayName: users.displayName })
		.from(users)
		.where(eq(users.id, sql.placeholder('youthId')))
		.prepare()
);
const namesOf = prepareOnce((database) =>
	database.select({ id: users.id, displayName: users.displayName, role: users.role }).from(users).where(inJsonIds(users.id)).prepare()
);
const stepsOf = prepareOnce((database) =>
	database
		.select(getTableColumns(planSteps))
		.from(planSteps)
		.where(eq(planSteps.planId, sql.placeholder('planId')))
		.orderBy(asc(planSteps.position), asc(planSteps.createdAt))
		.prepare()
);
const commentsOf = prepareOnce((database) =>
	database
		.select(getTableColumns(stepComments))
		.from(stepComments)
		.where(inJsonIds(stepComments.stepId))
		.orderBy(asc(stepComments.createdAt))
		.prepare()
);
const disputesOf = prepareOnce((database) =>
	database
		.select(getTableColumns(stepDisputes))
		.from(stepDisputes)
		.where(inJsonIds(stepDisputes.stepId))
		.orderBy(asc(stepDisputes.createdAt))
		.prepare()
);
const historyOf = prepareOnce((database) =>
	database
		.select(getTableColumns(planHistory))
		.from(planHistory)
		.where(eq(planHistory.planId, sql.placeholder('planId')))
		.orderBy(desc(planHistory.createdAt))
		.prepare()
);
const meetingsOf = prepareOnce((database) =>
	database
		.select({
			id: meetings.id,
			startsAt: meetings.startsAt,
			durationMinutes: meetings.durationMinutes,
			place: meetings.place,
			withWhom: meetings.withWhom,
			bring: meetings.bring
		})
		.from(meetings)
		// A raw comparison: the placeholder is not encoded by the column, so the caller gives milliseconds.
		.where(
			and(
				eq(meetings.planId, sql.placeholder('planId')),
				isNull(meetings.cancelledAt),
				sql`${meetings.startsAt} > ${sql.placeholder('after')}`
			)
		)
		.orderBy(asc(meetings.startsAt))
		.prepare()
);

export function findPlan(youthId: string): Plan | undefined {
	return planOf().get({ youthId });
}

function names(ids: string[]): Map<string, { displayName: string; role: string }> {
	const unique = [...new Set(ids)];
	if (!unique.length) return new Map();
	const rows = namesOf().all({ ids: JSON.stringify(unique) });
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
	const youth = nameOfYouth().get({ youthId })!;
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
	const stepRows = stepsOf()
		.all({ planId: plan.id })
		.filter((s) => seesProposals || (s.status !== 'proposed' && s.status !== 'declined'));
	const stepIds = JSON.stringify(stepRows.map((s) => s.id));
	const commentRows = stepRows.length ? commentsOf().all({ ids: stepIds }) : [];
	const disputeRows = stepRows.length ? disputesOf().all({ ids: stepIds }) : [];
	const historyRows = historyOf().all({ planId: plan.id });
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
		meetings: seesMeetings ? meetingsOf().all({ planId: plan.id, after: now.getTime() - 3_600_000 }) : null,
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
