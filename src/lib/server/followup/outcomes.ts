/**
 * The youth unit's outcomes for a period (the coordinator's yearly count): guide cases by status,
 * time from guide request to decision, guides' first reply to messages and check-in answers over
 * time. Only counts and medians leave this module, never names; `outcome-tables.ts` hides every
 * group smaller than five young people.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, eachMonthOfInterval, format, parseISO } from 'date-fns';
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { checkinState, LOW_SCORE, MAX_ANSWER_WINDOW_DAYS } from './rhythm';
import { isIsoDate, TIME_ZONE, todayIso } from '../dates';
import { db } from '../db';
import {
	checkinSchedules,
	checkins,
	guideAssignments,
	guideRequests,
	messages,
	messageThreads,
	plans,
	YOUTH_STATUSES,
	type DeadlineKind,
	type YouthStatus
} from '../db/schema';
import { deadlineCounts } from '../deadlines';
import { authorizeGlobal, type Actor } from '../access';
import { statusesBefore } from './status';
import type { Census, Period } from '../../shared/followup';
import { censusDateFor, countCensus } from './census';

export const MAX_PERIOD_DAYS = 3660;

/** From the 1st of January this year to today. */
export function defaultPeriod(now = new Date()): Period {
	const today = todayIso(now);
	return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

const periodInput = z
	.object({ from: z.string().refine(isIsoDate), to: z.string().refine(isIsoDate) })
	.refine((p) => p.from <= p.to && addDays(parseISO(p.from), MAX_PERIOD_DAYS) >= parseISO(p.to));

/** The period from a query string (?from=&to=); a bad one is reported and the default used. */
export function parsePeriod(params: URLSearchParams, now = new Date()): { period: Period; error: 'period' | null; values: Period } {
	const fallback = defaultPeriod(now);
	const values = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
	const parsed = periodInput.safeParse(values);
	return parsed.success ? { period: parsed.data, error: null, values } : { period: fallback, error: 'period', values };
}

/** Midnight at the start of a Copenhagen calendar date. */
function startOfDay(isoDate: string): Date {
	const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
	return new Date(new TZDate(y, m - 1, d, 0, 0, 0, TIME_ZONE).getTime());
}

export function median(values: number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface TimingFigure {
	/** Distinct young people behind the figure. */
	youth: number;
	/** How many waits were measured. */
	count: number;
	median: number | null;
}

export interface CheckinMonth {
	/** YYYY-MM */
	month: string;
	answeredYouth: number;
	answers: number;
	averageScore: number | null;
	lowYouth: number;
	missedYouth: number;
}

export interface OutcomeReport {
	period: Period;
	cases: Record<YouthStatus, { active: number; closed: number }>;
	/** Days from a guide request to its decision. */
	requests: TimingFigure;
	/** Hours from a young person's message to their guide's first reply. */
	replies: TimingFigure;
	checkins: CheckinMonth[];
	/** The law's deadlines that fell due in the period (issue 21), by kind. */
	deadlines: Record<DeadlineKind, { met: number; late: number; missed: number; open: number }>;
	/** The official count on the latest 1 October on or before the period's end (issue 21). */
	census: Census;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Young people with a guide at some time in the period, by their status at its end. */
function casesByStatus(start: Date, end: Date): OutcomeReport['cases'] {
	const assignments = db()
		.select({ youthId: guideAssignments.youthId, endedAt: guideAssignments.endedAt })
		.from(guideAssignments)
		.where(and(lt(guideAssignments.startedAt, end), or(isNull(guideAssignments.endedAt), gte(guideAssignments.endedAt, start))))
		.all();
	const guidedAtEnd = new Map<string, boolean>();
	for (const a of assignments) guidedAtEnd.set(a.youthId, guidedAtEnd.get(a.youthId) || !a.endedAt || a.endedAt >= end);
	const closedPlans = new Set(
		db()
			.select({ youthId: plans.youthId })
			.from(plans)
			.where(and(isNotNull(plans.closedAt), lt(plans.closedAt, end)))
			.all()
			.map((p) => p.youthId)
	);
	const statuses = statusesBefore([...guidedAtEnd.keys()], end);
	const cases = Object.fromEntries(YOUTH_STATUSES.map((s) => [s, { active: 0, closed: 0 }])) as OutcomeReport['cases'];
	for (const [youthId, guided] of guidedAtEnd) {
		const closed = !guided || closedPlans.has(youthId);
		cases[statuses.get(youthId) ?? 'unknown'][closed ? 'closed' : 'active']++;
	}
	return cases;
}

/** Guide requests decided in the period: days from the request to the decision. */
function requestTimes(start: Date, end: Date): TimingFigure {
	const rows = db()
		.select({ youthId: guideRequests.youthId, createdAt: guideRequests.createdAt, decidedAt: guideRequests.decidedAt })
		.from(guideRequests)
		.where(and(gte(guideRequests.decidedAt, start), lt(guideRequests.decidedAt, end), ne(guideRequests.status, 'withdrawn')))
		.all();
	const waits = rows.map((r) => (r.decidedAt!.getTime() - r.createdAt.getTime()) / DAY);
	const m = median(waits);
	return { youth: new Set(rows.map((r) => r.youthId)).size, count: waits.length, median: m };
}

/**
 * Guides' first replies: a wait starts with a young person's message after the guide last wrote
 * (or the thread began) and ends at the guide's next message. Waits that start in the period
 * and have been answered count.
 */
function replyTimes(start: Date, end: Date): TimingFigure {
	const active = db()
		.selectDistinct({ threadId: messages.threadId })
		.from(messages)
		.where(and(gte(messages.createdAt, start), lt(messages.createdAt, end)));
	const rows = db()
		.select({
			threadId: messages.threadId,
			senderId: messages.senderId,
			createdAt: messages.createdAt,
			youthId: messageThreads.youthId,
			guideId: messageThreads.guideId
		})
		.from(messages)
		.innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
		.where(and(inArray(messages.threadId, active), isNotNull(messageThreads.guideId)))
		.orderBy(asc(messages.threadId), asc(messages.seq))
		.all();
	const waits: number[] = [];
	const youth = new Set<string>();
	let thread = '';
	let waitingSince: Date | null = null;
	for (const row of rows) {
		if (row.threadId !== thread) {
			thread = row.threadId;
			waitingSince = null;
		}
		if (row.senderId === row.youthId) waitingSince ??= row.createdAt;
		else if (row.senderId === row.guideId && waitingSince) {
			if (waitingSince >= start && waitingSince < end) {
				waits.push((row.createdAt.getTime() - waitingSince.getTime()) / HOUR);
				youth.add(row.youthId);
			}
			waitingSince = null;
		}
	}
	return { youth: youth.size, count: waits.length, median: median(waits) };
}

/** Check-ins due in the period, by month: who answered, the average score, low answers, misses. */
function checkinMonths(period: Period, today: string): CheckinMonth[] {
	const rows = db()
		.select({
			youthId: checkins.youthId,
			dueOn: checkins.dueOn,
			answeredAt: checkins.answeredAt,
			score: checkins.score,
			intervalDays: checkinSchedules.intervalDays
		})
		.from(checkins)
		.leftJoin(checkinSchedules, eq(checkinSchedules.id, checkins.scheduleId))
		.where(and(gte(checkins.dueOn, period.from), lte(checkins.dueOn, period.to)))
		.all();
	const months = eachMonthOfInterval({ start: parseISO(period.from), end: parseISO(period.to) }).map((d) => format(d, 'yyyy-MM'));
	const groups = new Map(
		months.map((m) => [m, { answered: new Set<string>(), low: new Set<string>(), missed: new Set<string>(), answers: 0, sum: 0 }])
	);
	for (const row of rows) {
		const g = groups.get(row.dueOn.slice(0, 7));
		if (!g) continue;
		const state = checkinState(row, row.intervalDays ?? MAX_ANSWER_WINDOW_DAYS, today);
		if (state === 'missed') g.missed.add(row.youthId);
		if (state !== 'answered' || row.score === null) continue;
		g.answered.add(row.youthId);
		g.answers++;
		g.sum += row.score;
		if (row.score <= LOW_SCORE) g.low.add(row.youthId);
	}
	return months.map((month) => {
		const g = groups.get(month)!;
		return {
			month,
			answeredYouth: g.answered.size,
			answers: g.answers,
			averageScore: g.answers ? g.sum / g.answers : null,
			lowYouth: g.low.size,
			missedYouth: g.missed.size
		};
	});
}

/** The 1 October count for a period: the day, counted to its end in Copenhagen. */
function censusOf(periodTo: string): Census {
	const date = censusDateFor(periodTo);
	return countCensus(date, startOfDay(format(addDays(parseISO(date), 1), 'yyyy-MM-dd')));
}

/** The figures for a period, for the coordinator only. */
export function outcomeReport(actor: Actor, period: Period, now = new Date()): OutcomeReport {
	authorizeGlobal(actor, 'outcomes.read');
	const start = startOfDay(period.from);
	const end = startOfDay(format(addDays(parseISO(period.to), 1), 'yyyy-MM-dd'));
	return {
		period,
		cases: casesByStatus(start, end),
		requests: requestTimes(start, end),
		replies: replyTimes(start, end),
		checkins: checkinMonths(period, todayIso(now)),
		deadlines: deadlineCounts(period.from, format(addDays(parseISO(period.to), 1), 'yyyy-MM-dd'), now),
		census: censusOf(period.to)
	};
}
