/**
 * The KUI deadlines as a guide's worklist (issue 21): started by a status change (kui.ts says
 * which), shown on the young person's page and on the lists with the working days left, met when
 * the guide records it, or — the offer — when the status says the young person is in an activity
 * again. Met on time, met late and missed are counted for the outcomes.
 */
import { and, asc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { DeadlineView, NextDeadline } from '../../shared/deadlines';
import { authorize, can, type Actor } from '../access';
import { ageOn, todayIso } from '../dates';
import { db, prepareOnce, type Tx } from '../db';
import { inJsonIds } from '../db/slices';
import { kuiDeadlines, type DeadlineKind, type YouthStatus } from '../db/schema';
import { newId } from '../ids';
import { workdaysBetween } from './calendar';
import { ATTACHED_STATUSES, dueDates, startsDeadlines } from './kui';

/**
 * Called in the transaction that records a status change: starts the deadlines where the change
 * starts them, and meets the open offers when the young person is in an activity again.
 */
export function applyStatusChange(
	tx: Tx,
	change: { youthId: string; entryId: string; previous: YouthStatus | null; next: YouthStatus; birthDate: string | null },
	now: Date
): void {
	if (ATTACHED_STATUSES.has(change.next)) {
		tx.update(kuiDeadlines)
			.set({ metAt: now })
			.where(and(eq(kuiDeadlines.youthId, change.youthId), eq(kuiDeadlines.kind, 'offer'), isNull(kuiDeadlines.metAt)))
			.run();
	}
	if (!change.birthDate || !startsDeadlines(change.previous, change.next, ageOn(change.birthDate, now))) return;
	const startedOn = todayIso(now);
	const due = dueDates(startedOn);
	for (const kind of ['contact', 'offer'] as const) {
		tx.insert(kuiDeadlines)
			.values({ id: newId(), youthId: change.youthId, kind, startedBy: change.entryId, startedOn, dueOn: due[kind], createdAt: now })
			.run();
	}
}

function stateOf(row: { dueOn: string; metAt: Date | null }, today: string): DeadlineView['state'] {
	if (row.metAt) return todayIso(row.metAt) > row.dueOn ? 'late' : 'met';
	return today > row.dueOn ? 'overdue' : 'open';
}

/** The young person's deadlines, newest first, for those who may see their status; null otherwise. */
export function deadlinesOf(actor: Actor, youthId: string, now = new Date()): DeadlineView[] | null {
	if (!actor || !can(actor, 'status.read', youthId)) return null;
	const today = todayIso(now);
	const rows = db()
		.select({
			id: kuiDeadlines.id,
			kind: kuiDeadlines.kind,
			startedOn: kuiDeadlines.startedOn,
			dueOn: kuiDeadlines.dueOn,
			metAt: kuiDeadlines.metAt
		})
		.from(kuiDeadlines)
		.where(eq(kuiDeadlines.youthId, youthId))
		.orderBy(asc(kuiDeadlines.dueOn))
		.all();
	return rows.map((row) => ({
		...row,
		state: stateOf(row, today),
		workdaysLeft: workdaysBetween(today, row.dueOn),
		canMeet: !row.metAt && can(actor, 'status.set', youthId)
	}));
}

export type MeetProblem = 'gone';

/** The guide records a deadline met ("Kontakt taget", "Tilbud givet"); once only. */
export function meetDeadline(
	actor: Actor,
	youthId: string,
	deadlineId: string,
	now = new Date()
): { ok: true } | { ok: false; problem: MeetProblem } {
	authorize(actor, 'status.set', youthId);
	const changed = db()
		.update(kuiDeadlines)
		.set({ metAt: now, metBy: actor.id })
		.where(and(eq(kuiDeadlines.id, deadlineId), eq(kuiDeadlines.youthId, youthId), isNull(kuiDeadlines.metAt)))
		.run().changes;
	return changed ? { ok: true } : { ok: false, problem: 'gone' };
}

const openDeadlinesOf = prepareOnce((database) =>
	database
		.select({ youthId: kuiDeadlines.youthId, kind: kuiDeadlines.kind, dueOn: kuiDeadlines.dueOn })
		.from(kuiDeadlines)
		.where(and(inJsonIds(kuiDeadlines.youthId), isNull(kuiDeadlines.metAt)))
		.orderBy(asc(kuiDeadlines.dueOn))
		.prepare()
);

/**
 * The nearest open deadline of each of these young people, for a list (one query for a page).
 * For aggregates and lists whose caller already decided who may see the flags.
 */
export function nextDeadlines(youthIds: string[], now = new Date()): Map<string, NextDeadline> {
	const result = new Map<string, NextDeadline>();
	if (!youthIds.length) return result;
	const today = todayIso(now);
	const rows = openDeadlinesOf().all({ ids: JSON.stringify(youthIds) });
	for (const row of rows) {
		if (result.has(row.youthId)) continue;
		result.set(row.youthId, {
			kind: row.kind,
			dueOn: row.dueOn,
			workdaysLeft: workdaysBetween(today, row.dueOn),
			overdue: today > row.dueOn
		});
	}
	return result;
}

/** How the unit kept its deadlines that fell due in [from, until): met on time, late, missed (still open). */
export function deadlineCounts(
	from: string,
	until: string,
	now = new Date()
): Record<DeadlineKind, { met: number; late: number; missed: number; open: number }> {
	const today = todayIso(now);
	const counts = { contact: { met: 0, late: 0, missed: 0, open: 0 }, offer: { met: 0, late: 0, missed: 0, open: 0 } };
	const rows = db()
		.select({ kind: kuiDeadlines.kind, dueOn: kuiDeadlines.dueOn, metAt: kuiDeadlines.metAt })
		.from(kuiDeadlines)
		.where(and(gte(kuiDeadlines.dueOn, from), lt(kuiDeadlines.dueOn, until)))
		.all();
	for (const row of rows) {
		const state = stateOf(row, today);
		counts[row.kind][state === 'overdue' ? 'missed' : state === 'late' ? 'late' : state === 'met' ? 'met' : 'open']++;
	}
	return counts;
}

/**
 * The open deadlines the scheduler tells someone about: due on the next working day (the guide is
 * reminded, once) and overdue (the coordinator is told, once). Marks them told.
 */
export function deadlinesToNotify(now = new Date()): { remind: { youthId: string }[]; escalate: { youthId: string }[] } {
	const today = todayIso(now);
	return db().transaction((tx) => {
		const open = tx
			.select({
				id: kuiDeadlines.id,
				youthId: kuiDeadlines.youthId,
				dueOn: kuiDeadlines.dueOn,
				remindedAt: kuiDeadlines.remindedAt,
				escalatedAt: kuiDeadlines.escalatedAt
			})
			.from(kuiDeadlines)
			.where(and(isNull(kuiDeadlines.metAt), isNull(kuiDeadlines.escalatedAt)))
			.all();
		const remind = open.filter((d) => !d.remindedAt && d.dueOn >= today && workdaysBetween(today, d.dueOn) <= 1);
		const escalate = open.filter((d) => !d.escalatedAt && d.dueOn < today);
		markTold(
			tx,
			remind.map((d) => d.id),
			{ remindedAt: now }
		);
		markTold(
			tx,
			escalate.map((d) => d.id),
			{ escalatedAt: now }
		);
		return { remind, escalate };
	});
}

function markTold(tx: Tx, ids: string[], set: { remindedAt: Date } | { escalatedAt: Date }) {
	if (ids.length) tx.update(kuiDeadlines).set(set).where(inArray(kuiDeadlines.id, ids)).run();
}
