/**
 * Low answers no one followed up (issue 20): a check-in answered 1–2 that no guide has marked
 * "Talt med hende/ham" within one working day goes to the coordinator's start page, with the young
 * person and since when.
 *
 * One working day: the whole of the first working day (Monday to Friday, Copenhagen time) after the
 * day of the answer. Answered on a Tuesday: the coordinator sees it from Thursday 00:00; on a Friday
 * or over the weekend: from Tuesday 00:00. Public holidays count as working days (the youth unit
 * rather sees one too early than too late).
 */
import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { addDays, getISODay, parseISO, format } from 'date-fns';
import type { LowAnswerEscalation, LowAnswerList } from '../../shared/followup';
import { canGlobal, currentGuides, recordAccesses, type Actor } from '../access';
import { TIME_ZONE, todayIso } from '../dates';
import { prepareOnce } from '../db';
import { checkins, users } from '../db/schema';
import { LOW_SCORE } from './rhythm';

const isWorkingDay = (date: string) => getISODay(parseISO(date)) <= 5;

/** The moment a low answer given at `answeredAt` goes to the coordinator if no one followed it up. */
export function followUpDeadline(answeredAt: Date): Date {
	let day = todayIso(answeredAt);
	do day = format(addDays(parseISO(day), 1), 'yyyy-MM-dd');
	while (!isWorkingDay(day));
	// The end of that working day: midnight, Copenhagen time, at the start of the next day.
	const next = parseISO(format(addDays(parseISO(day), 1), 'yyyy-MM-dd'));
	return new Date(new TZDate(next.getFullYear(), next.getMonth(), next.getDate(), 0, 0, 0, TIME_ZONE).getTime());
}

/** The start of a day (`yyyy-MM-dd`) in Copenhagen. */
function startOfDay(day: string): Date {
	const date = parseISO(day);
	return new Date(new TZDate(date.getFullYear(), date.getMonth(), date.getDate(), 0, 0, 0, TIME_ZONE).getTime());
}

/**
 * Low answers given before this moment are past their deadline at `now`. Every answer of one day
 * has the same deadline, and a later day's is never earlier: the moment is the start of the day
 * after the latest day whose deadline has passed (at most five days back).
 */
export function pastDeadlineBefore(now: Date): Date {
	let day = todayIso(now);
	for (let back = 0; back < 14; back++) {
		if (followUpDeadline(startOfDay(day)) <= now) return startOfDay(format(addDays(parseISO(day), 1), 'yyyy-MM-dd'));
		day = format(addDays(parseISO(day), -1), 'yyyy-MM-dd');
	}
	throw new Error(`no follow-up deadline passed in the 14 days before ${now.toISOString()}`);
}

/** How many young people the coordinator's start page lists at most: those who have waited longest. */
export const LOW_ANSWERS_SHOWN = 25;
/** How far the list counts a backlog; beyond it, the page says "more than". */
export const LOW_ANSWERS_COUNTED = 1_000;
/** Answers read at a time, oldest first, until enough young people are found. */
const BATCH = 200;

/** Low answers no one followed up, given before `cutoff`, of young people whose account is open. */
const lowWaiting = and(
	isNotNull(checkins.answeredAt),
	// Written out, not a parameter: SQLite then reads the partial index checkins_low_waiting_idx.
	sql`${checkins.score} <= ${sql.raw(String(LOW_SCORE))}`,
	isNull(checkins.followedUpAt),
	lt(checkins.answeredAt, sql.placeholder('cutoff')),
	isNull(users.disabledAt)
);

/** Such answers, oldest first, a batch at a time (the partial index gives them in that order). */
const lowAnswersOldestFirst = prepareOnce((database) =>
	database
		.select({ youthId: checkins.youthId, name: users.displayName, answeredAt: checkins.answeredAt })
		.from(checkins)
		.innerJoin(users, eq(users.id, checkins.youthId))
		.where(lowWaiting)
		.orderBy(checkins.answeredAt, checkins.id)
		.limit(sql.placeholder('limit'))
		.offset(sql.placeholder('offset'))
		.prepare()
);

/** The young people with such answers, up to one more than is counted. */
const youthWithLowAnswers = prepareOnce((database) =>
	database
		.selectDistinct({ youthId: checkins.youthId })
		.from(checkins)
		.innerJoin(users, eq(users.id, checkins.youthId))
		.where(lowWaiting)
		.limit(LOW_ANSWERS_COUNTED + 1)
		.prepare()
);

/**
 * The coordinator's list: the young people with a low answer past its deadline who have waited
 * longest (`LOW_ANSWERS_SHOWN`, by their oldest such answer), and how many there are (counted up
 * to `LOW_ANSWERS_COUNTED`); null for those who do not keep it. A backlog of thousands costs the
 * page no more than one of a few: grouping every waiting answer took 0.5 s on 100,000 young people.
 */
export function lowAnswersWithoutFollowUp(actor: Actor, now = new Date()): LowAnswerList | null {
	if (!actor || !canGlobal(actor, 'checkins.escalations')) return null;
	const cutoff = pastDeadlineBefore(now).getTime();
	const oldest = new Map<string, { name: string; since: Date }>();
	for (let offset = 0; oldest.size < LOW_ANSWERS_SHOWN; offset += BATCH) {
		const batch = lowAnswersOldestFirst().all({ cutoff, limit: BATCH, offset });
		for (const row of batch) {
			if (!oldest.has(row.youthId) && oldest.size < LOW_ANSWERS_SHOWN) oldest.set(row.youthId, { name: row.name, since: row.answeredAt! });
		}
		if (batch.length < BATCH) break;
	}
	const counted = oldest.size < LOW_ANSWERS_SHOWN ? oldest.size : Math.max(oldest.size, youthWithLowAnswers().all({ cutoff }).length);
	const guides = currentGuides([...oldest.keys()]);
	const items = [...oldest].map(([youthId, { name, since }]): LowAnswerEscalation => ({
		youthId,
		name,
		guideName: guides.get(youthId)?.displayName ?? null,
		since
	}));
	// The coordinator sees each name on the list (rule 6), as on the caseload list: those shown.
	recordAccesses(
		actor,
		items.map((i) => i.youthId),
		'caseload',
		'follow_up'
	);
	return { items, total: Math.min(counted, LOW_ANSWERS_COUNTED), more: counted > LOW_ANSWERS_COUNTED };
}
