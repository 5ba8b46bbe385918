/**
 * Plans at a glance: the staff's list of their young people (name, age, goal, next meeting,
 * overdue steps, agreement) and the summary on the young person's own front page.
 * Other features add their columns to the list beside these (see CaseloadList.svelte).
 */
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { db } from '../db';
import { inSlices } from '../db/slices';
import { meetings, plans, planSteps } from '../db/schema';
import { recordAccesses } from '../access';
import { todayIso } from '../dates';
import { danishOrder, listCaseload } from '../people';
import { authorize, NO_RELATION, relationsOf, rule, type Actor } from '../access';
import { agreementOf, findPlan, groupOf, isOverdue } from './view';
import {
	CASELOAD_SORTS,
	type Agreement,
	type CaseloadRow,
	type CaseloadSort,
	type PlanSummary,
	type SortDirection
} from '../../shared/plan';

/** The direction a column sorts in when first chosen: what needs attention comes first. */
export const DEFAULT_DIRECTION: Record<CaseloadSort, SortDirection> = {
	name: 'asc',
	age: 'asc',
	meeting: 'asc',
	overdue: 'desc',
	agreement: 'asc'
};

export function listPlanOverview(actor: NonNullable<Actor>, now = new Date()): CaseloadRow[] {
	const people = listCaseload(actor);
	const today = todayIso(now);
	// The facts for the whole list at once, not a few queries per young person.
	const relations = relationsOf(
		actor,
		people.map((p) => p.id),
		now
	);
	const rights = new Map(
		people.map((p) => {
			const r = relations.get(p.id) ?? NO_RELATION;
			return [p.id, { plan: rule(actor, 'plan.read', r), meetings: rule(actor, 'meetings.read', r), edit: rule(actor, 'plan.edit', r) }];
		})
	);
	const readable = people.filter((p) => rights.get(p.id)!.plan).map((p) => p.id);
	const planRows = inSlices(readable, (slice) => db().select().from(plans).where(inArray(plans.youthId, slice)).all());
	const planOf = new Map(planRows.map((p) => [p.youthId, p]));
	const planIds = planRows.map((p) => p.id);
	const steps = groupBy(
		inSlices(planIds, (slice) =>
			db()
				.select({ planId: planSteps.planId, status: planSteps.status, dueDate: planSteps.dueDate })
				.from(planSteps)
				.where(inArray(planSteps.planId, slice))
				.all()
		),
		(s) => s.planId
	);
	const nextMeetingOf = new Map<string, Date>();
	const upcoming = inSlices(planIds, (slice) =>
		db()
			.select({ planId: meetings.planId, startsAt: meetings.startsAt })
			.from(meetings)
			.where(and(inArray(meetings.planId, slice), isNull(meetings.cancelledAt), gt(meetings.startsAt, now)))
			.all()
	);
	for (const m of upcoming) {
		const known = nextMeetingOf.get(m.planId);
		if (!known || m.startsAt < known) nextMeetingOf.set(m.planId, m.startsAt);
	}

	const rows = people.map((p) => {
		const may = rights.get(p.id)!;
		const plan = may.plan ? planOf.get(p.id) : undefined;
		const own = plan ? (steps.get(plan.id) ?? []) : [];
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
			nextMeeting: plan && may.meetings ? (nextMeetingOf.get(plan.id) ?? null) : null
		};
	});
	// Every plan shown is a read of that young person's plan, and every other row still shows who
	// they are (name, age, guide): each is logged, in one transaction per kind.
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

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const list = groups.get(key(item));
		if (list) list.push(item);
		else groups.set(key(item), [item]);
	}
	return groups;
}

const AGREEMENT_RANK: Record<Agreement, number> = { stale: 0, never: 1, current: 2 };

/** Sorts the list by a column; rows without the value always come last. */
export function sortCaseload(rows: CaseloadRow[], sort: CaseloadSort, direction: SortDirection): CaseloadRow[] {
	const value = (r: CaseloadRow): string | number | null => {
		switch (sort) {
			case 'name':
				return r.displayName;
			case 'age':
				return r.age;
			case 'meeting':
				return r.nextMeeting?.getTime() ?? null;
			case 'overdue':
				return r.plan?.overdueSteps ?? null;
			case 'agreement':
				return r.plan ? AGREEMENT_RANK[r.plan.agreement] : null;
		}
	};
	const sign = direction === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = value(a);
		const y = value(b);
		if (x === null || y === null) return x === y ? danishOrder(a.displayName, b.displayName) : x === null ? 1 : -1;
		const order = typeof x === 'string' ? danishOrder(x, String(y)) : x - (y as number);
		return order !== 0 ? sign * order : danishOrder(a.displayName, b.displayName);
	});
}

/** Reads `?sort=…&dir=…`, falling back to the name. */
export function readSort(params: URLSearchParams): { sort: CaseloadSort; direction: SortDirection } {
	const raw = params.get('sort');
	const sort = (CASELOAD_SORTS as readonly string[]).includes(raw ?? '') ? (raw as CaseloadSort) : 'name';
	const dir = params.get('dir');
	return { sort, direction: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_DIRECTION[sort] };
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
