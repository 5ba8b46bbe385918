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
import { and, asc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { TZDate } from '@date-fns/tz';
import { addDays, getISODay, parseISO, format } from 'date-fns';
import type { LowAnswerEscalation } from '../../shared/followup';
import { canGlobal, currentAssignment, recordAccesses, type Actor } from '../access';
import { TIME_ZONE, todayIso } from '../dates';
import { db } from '../db';
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

/**
 * The coordinator's list: each young person with a low answer past its deadline, oldest first;
 * null for those who do not keep it.
 */
export function lowAnswersWithoutFollowUp(actor: Actor, now = new Date()): LowAnswerEscalation[] | null {
	if (!actor || !canGlobal(actor, 'checkins.escalations')) return null;
	// Any answer past its deadline is at least a day old; the deadline decides the rest.
	const rows = db()
		.select({ youthId: checkins.youthId, answeredAt: checkins.answeredAt, name: users.displayName })
		.from(checkins)
		.innerJoin(users, eq(users.id, checkins.youthId))
		.where(
			and(
				isNotNull(checkins.answeredAt),
				// Written out, not a parameter: SQLite then reads the partial index checkins_low_waiting_idx.
				sql`${checkins.score} <= ${sql.raw(String(LOW_SCORE))}`,
				isNull(checkins.followedUpAt),
				lte(checkins.answeredAt, new Date(now.getTime() - 86_400_000)),
				isNull(users.disabledAt)
			)
		)
		.orderBy(asc(checkins.answeredAt))
		.all();
	const list: LowAnswerEscalation[] = [];
	const seen = new Set<string>();
	for (const row of rows) {
		if (seen.has(row.youthId) || !row.answeredAt || followUpDeadline(row.answeredAt) > now) continue;
		seen.add(row.youthId);
		const guideId = currentAssignment(row.youthId)?.guideId;
		const guideName = guideId
			? (db().select({ name: users.displayName }).from(users).where(eq(users.id, guideId)).get()?.name ?? null)
			: null;
		list.push({ youthId: row.youthId, name: row.name, guideName, since: row.answeredAt });
	}
	// The coordinator sees each name on a list (rule 6), as on the caseload list.
	recordAccesses(actor, [...seen], 'caseload', 'follow_up');
	return list;
}
