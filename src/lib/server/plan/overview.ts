/**
 * Plans at a glance: the rows of the staff's list of young people (name, age, guide, goal, next
 * meeting, overdue steps, agreement, and for those who answer for the young person the status and
 * the flags) and the summary on the young person's own front page. Which young people are on a
 * page of the list is decided by `caseload.ts`; this builds the rows of that page only.
 */
import { and, asc, eq, getTableColumns, gt, isNull, sql } from 'drizzle-orm';
import { db, prepareOnce } from '../db';
import { inJsonIds } from '../db/slices';
import { caseloadIndex, meetings, plans, planSteps, stepDisputes, type CaseloadIndexRow } from '../db/schema';
import { recordAccesses } from '../access';
import { todayIso } from '../dates';
import { youthSummaries } from '../people';
import { followUpFlags, LOW_SCORE } from '../followup';
import { lastMessagesOf } from '../messages';
import { nextDeadlines } from '../deadlines';
import { authorize, NO_RELATION, relationsOf, rule, type Actor } from '../access';
import { agreementOf, findPlan, groupOf, isOverdue } from './view';
import type { CaseloadRow, PlanSummary } from '../../shared/plan';

/*
 * The list's own queries, prepared once: each takes the page's ids as one JSON array (`inJsonIds`),
 * so a guide's fifty rows build no SQL per request.
 */
const plansOfYouth = prepareOnce((database) =>
	database.select(getTableColumns(plans)).from(plans).where(inJsonIds(plans.youthId)).prepare()
);
const stepStatesOf = prepareOnce((database) =>
	database
		.select({ planId: planSteps.planId, status: planSteps.status, dueDate: planSteps.dueDate })
		.from(planSteps)
		.where(inJsonIds(planSteps.planId))
		.prepare()
);
const upcomingMeetingsOf = prepareOnce((database) =>
	database
		.select({ planId: meetings.planId, startsAt: meetings.startsAt })
		.from(meetings)
		// A raw comparison: the placeholder is not encoded by the column, so the caller gives milliseconds.
		.where(and(inJsonIds(meetings.planId), isNull(meetings.cancelledAt), sql`${meetings.startsAt} > ${sql.placeholder('now')}`))
		.prepare()
);
const indexRowsOf = prepareOnce((database) =>
	database.select(getTableColumns(caseloadIndex)).from(caseloadIndex).where(inJsonIds(caseloadIndex.youthId)).prepare()
);
const disputedPlansOf = prepareOnce((database) =>
	database
		.selectDistinct({ planId: planSteps.planId })
		.from(stepDisputes)
		.innerJoin(planSteps, eq(planSteps.id, stepDisputes.stepId))
		.where(and(inJsonIds(planSteps.planId), isNull(stepDisputes.answeredAt)))
		.prepare()
);
const idList = (ids: string[]) => ({ ids: JSON.stringify(ids) });

/**
 * The rows for these young people, in the order given, each with what the actor may see of it.
 * Only these are read, and each read is logged: a plan shown as 'plan_overview', a row with the
 * status and flags but no plan (the coordinator) as 'caseload'.
 */
export function caseloadRows(actor: NonNullable<Actor>, youthIds: string[], now = new Date()): CaseloadRow[] {
	const today = todayIso(now);
	// The facts for the whole page at once, not a few queries per young person.
	const relations = relationsOf(actor, youthIds, now);
	const relation = (id: string) => relations.get(id) ?? NO_RELATION;
	const people = youthSummaries(youthIds.filter((id) => rule(actor, 'profile.read', relation(id))));
	const rights = new Map(
		people.map((p) => {
			const r = relation(p.id);
			return [
				p.id,
				{
					plan: rule(actor, 'plan.read', r),
					meetings: rule(actor, 'meetings.read', r),
					edit: rule(actor, 'plan.edit', r),
					status: rule(actor, 'status.read', r),
					flags: rule(actor, 'caseload.flags', r),
					messages: rule(actor, 'messages.read', r)
				}
			];
		})
	);
	const readable = people.filter((p) => rights.get(p.id)!.plan).map((p) => p.id);
	const planRows = readable.length ? plansOfYouth().all(idList(readable)) : [];
	const planOf = new Map(planRows.map((p) => [p.youthId, p]));
	const planIds = planRows.map((p) => p.id);
	const steps = groupBy(planIds.length ? stepStatesOf().all(idList(planIds)) : [], (s) => s.planId);
	const nextMeetingOf = new Map<string, Date>();
	const upcoming = planIds.length ? upcomingMeetingsOf().all({ ...idList(planIds), now: now.getTime() }) : [];
	for (const m of upcoming) {
		const known = nextMeetingOf.get(m.planId);
		if (!known || m.startsAt < known) nextMeetingOf.set(m.planId, m.startsAt);
	}
	// Status and flags from the list's index (the same facts the list is filtered on).
	const indexed = people.filter((p) => rights.get(p.id)!.flags || rights.get(p.id)!.status).map((p) => p.id);
	const facts = new Map((indexed.length ? indexRowsOf().all(idList(indexed)) : []).map((f) => [f.youthId, f]));
	// The detail for those who read check-ins (followUpFlags asks the policy for each).
	const checkinFlags = followUpFlags(
		actor,
		people.filter((p) => rights.get(p.id)!.flags).map((p) => p.id),
		now
	);

	// The nearest legal deadline of each (issue 21), for those who see the flags (one query for the page).
	const deadlines = nextDeadlines(
		people.filter((p) => rights.get(p.id)!.flags).map((p) => p.id),
		now
	);

	// The plans with a dispute waiting for the guide's answer (issue 21), for the guide who answers it.
	const editable = planRows.filter((p) => rights.get(p.youthId)?.edit).map((p) => p.id);
	const disputed = new Set((editable.length ? disputedPlansOf().all(idList(editable)) : []).map((r) => r.planId));

	// When the conversation last moved, for those who may read it (one query for the page).
	const lastMessages = lastMessagesOf(people.filter((p) => rights.get(p.id)!.messages).map((p) => p.id));

	const rows = people.map((p): CaseloadRow => {
		const may = rights.get(p.id)!;
		const plan = may.plan ? planOf.get(p.id) : undefined;
		const own = plan ? (steps.get(plan.id) ?? []) : [];
		const fact = facts.get(p.id);
		return {
			id: p.id,
			displayName: p.displayName,
			age: p.age,
			guideName: p.guide?.displayName ?? null,
			plan: plan
				? {
						goalText: plan.goalText,
						goalType: plan.goalType,
						overdueSteps: own.filter((s) => isOverdue(s, today)).length,
						proposals: may.edit ? own.filter((s) => s.status === 'proposed').length : 0,
						agreement: agreementOf(plan)
					}
				: null,
			noPlan: may.plan && !plan,
			nextMeeting: plan && may.meetings ? (nextMeetingOf.get(plan.id) ?? null) : null,
			status: may.status && fact ? fact.status : null,
			messages: may.messages,
			lastMessage: may.messages ? (lastMessages.get(p.id) ?? null) : null,
			flags:
				may.flags && fact
					? {
							checkin: checkinFlagOf(fact, today),
							checkinDetail: checkinFlags[p.id] ?? null,
							overdue: fact.overdueFrom !== null && fact.overdueFrom < today,
							notAgreed: fact.planAgreement === 'stale' || fact.planAgreement === 'never',
							noGuide: fact.guideId === null,
							deadline: deadlines.get(p.id) ?? null,
							dispute: !!plan && may.edit && disputed.has(plan.id)
						}
					: null
		};
	});
	// Every plan shown is a read of that young person's plan, and every other row still shows who
	// they are (name, age, guide, and for some the status and flags): each is logged, in one
	// transaction per kind.
	recordAccesses(
		actor,
		rows.filter((r) => r.plan).map((r) => r.id),
		'plan_overview'
	);
	recordAccesses(
		actor,
		rows.filter((r) => !r.plan).map((r) => r.id),
		'caseload'
	);
	return rows;
}

/** The check-in flag from the list's index (the rule of `followUpFlags`, from the stored dates). */
function checkinFlagOf(fact: CaseloadIndexRow, today: string): 'low' | 'missed' | null {
	if (!fact.checkinRunning) return null;
	if (fact.checkinMissedAfter !== null && fact.checkinMissedAfter < today) return 'missed';
	return fact.checkinScore !== null && fact.checkinScore <= LOW_SCORE ? 'low' : null;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const list = groups.get(key(item));
		if (list) list.push(item);
		else groups.set(key(item), [item]);
	}
	return groups;
}

/** The young person's plan in a few lines, for their front page; null without a plan. */
export function getPlanSummary(actor: Actor, youthId: string, now = new Date()): PlanSummary | null {
	authorize(actor, 'plan.participate', youthId);
	const plan = findPlan(youthId);
	if (!plan) return null;
	const today = todayIso(now);
	const steps = db().select().from(planSteps).where(eq(planSteps.planId, plan.id)).orderBy(asc(planSteps.position)).all();
	const inPlan = steps.filter((s) => s.status !== 'proposed' && s.status !== 'declined');
	const meeting = db()
		.select({ startsAt: meetings.startsAt, place: meetings.place })
		.from(meetings)
		.where(and(eq(meetings.planId, plan.id), isNull(meetings.cancelledAt), gt(meetings.startsAt, now)))
		.orderBy(asc(meetings.startsAt))
		.get();
	return {
		goalText: plan.goalText,
		goalType: plan.goalType,
		targetDate: plan.targetDate,
		agreement: agreementOf(plan),
		nowSteps: inPlan
			.filter((s) => groupOf(s, today) === 'now')
			.slice(0, 3)
			.map((s) => ({ id: s.id, title: s.title, dueDate: s.dueDate, overdue: isOverdue(s, today), ownerKind: s.ownerKind })),
		doneSteps: inPlan.filter((s) => s.status === 'done').length,
		totalSteps: inPlan.length,
		proposals: steps.filter((s) => s.status === 'proposed').length,
		nextMeeting: meeting ?? null
	};
}
