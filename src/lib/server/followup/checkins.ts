/**
 * Follow-up ("Hej, hvordan går det?"): the young person answers each check-in with one tap (1–5)
 * and an optional text, and the guide sees the answers as a timeline. A low answer or a missed
 * check-in is flagged on the guide's list until someone has talked with the young person.
 * The rhythm that asks, and the check-ins it creates, are in schedules.ts.
 */
import { and, desc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import type { CheckinOverview, FollowUpFlag, LowAnswerReply, MyCheckin, TimelineItem } from '../../shared/followup';
import { checkinState, lastDayToAnswer, LOW_SCORE, MAX_ANSWER_WINDOW_DAYS, nextDueDate } from './rhythm';
import { currentSchedule, rhythmOf, rhythmView } from './schedules';
import { todayIso } from '../dates';
import { db, prepareOnce } from '../db';
import { inJsonIds } from '../db/slices';
import { checkinSchedules, checkins, users } from '../db/schema';
import { authorize, can, currentAssignment, NO_RELATION, recordAccess, recordAccesses, relationsOf, rule, type Actor } from '../access';
import { guideAnswerTime } from '../guides';
import { getSettings } from '../settings';
import { notifyLowCheckin } from '../push';

export const MAX_COMMENT_LENGTH = 1000;

const followedUpBy = alias(users, 'followed_up_by');

/** The young person's check-ins, newest first, with where each stands today. */
function timelineOf(youthId: string, today: string, limit = 100): TimelineItem[] {
	return db()
		.select({
			id: checkins.id,
			dueOn: checkins.dueOn,
			answeredAt: checkins.answeredAt,
			score: checkins.score,
			comment: checkins.comment,
			intervalDays: checkinSchedules.intervalDays,
			followedUpAt: checkins.followedUpAt,
			followedUpBy: followedUpBy.displayName
		})
		.from(checkins)
		.leftJoin(checkinSchedules, eq(checkinSchedules.id, checkins.scheduleId))
		.leftJoin(followedUpBy, eq(followedUpBy.id, checkins.followedUpBy))
		.where(eq(checkins.youthId, youthId))
		.orderBy(desc(checkins.dueOn))
		.limit(limit)
		.all()
		.map((c) => {
			const interval = c.intervalDays ?? MAX_ANSWER_WINDOW_DAYS;
			return {
				id: c.id,
				dueOn: c.dueOn,
				lastDay: lastDayToAnswer(c.dueOn, interval),
				state: checkinState(c, interval, today),
				score: c.score,
				comment: c.comment,
				answeredAt: c.answeredAt,
				followedUp: c.followedUpAt ? { by: c.followedUpBy ?? '', at: c.followedUpAt } : null
			};
		});
}

/** What a staff member sees of a young person's follow-up; null when they may not see it. */
export function checkinOverview(actor: NonNullable<Actor>, youthId: string, now = new Date()): CheckinOverview | null {
	if (!can(actor, 'checkins.read', youthId)) return null;
	recordAccess(actor, youthId, 'checkins');
	const today = todayIso(now);
	return {
		today,
		canManage: can(actor, 'checkins.manage', youthId),
		canFollowUp: can(actor, 'checkins.followUp', youthId),
		lowPending: lowPending(youthId).length > 0,
		rhythm: rhythmView(currentSchedule(youthId), today),
		timeline: timelineOf(youthId, today)
	};
}

/** The young person's own check-in to answer now (if any) and when the next one comes. */
export function myCheckin(actor: NonNullable<Actor>, now = new Date()): MyCheckin | null {
	if (!can(actor, 'checkins.answer', actor.id)) return null;
	const today = todayIso(now);
	const open = timelineOf(actor.id, today, 10).find((c) => c.state === 'open');
	const schedule = currentSchedule(actor.id);
	return {
		open: open ? { id: open.id, dueOn: open.dueOn, lastDay: open.lastDay } : null,
		nextDueOn: schedule ? nextDueDate(rhythmOf(schedule), today) : null
	};
}

const answerInput = z.object({
	checkinId: z.string().min(1).max(64),
	score: z.coerce.number().int().min(1).max(5),
	comment: z.string().trim().max(MAX_COMMENT_LENGTH)
});

export type AnswerError = 'score' | 'comment' | 'not_found' | 'already_answered' | 'closed';

/** The young person answers one of their own check-ins; a low answer gets its reply (issue 20). */
export function answerCheckin(
	actor: Actor,
	raw: Record<string, unknown>,
	now = new Date()
): { ok: true; score: number; low: LowAnswerReply | null } | { ok: false; error: AnswerError } {
	if (!actor) return { ok: false, error: 'not_found' };
	authorize(actor, 'checkins.answer', actor.id);
	const parsed = answerInput.safeParse(raw);
	if (!parsed.success) {
		const path = parsed.error.issues[0]?.path[0];
		return { ok: false, error: path === 'comment' ? 'comment' : path === 'score' ? 'score' : 'not_found' };
	}
	const { checkinId, score, comment } = parsed.data;
	const item = timelineOf(actor.id, todayIso(now)).find((c) => c.id === checkinId);
	if (!item) return { ok: false, error: 'not_found' };
	if (item.state === 'answered') return { ok: false, error: 'already_answered' };
	if (item.state === 'missed') return { ok: false, error: 'closed' };
	const result = db()
		.update(checkins)
		.set({ answeredAt: now, score, comment: comment || null })
		.where(and(eq(checkins.id, checkinId), eq(checkins.youthId, actor.id), isNull(checkins.answeredAt)))
		.run();
	if (!result.changes) return { ok: false, error: 'already_answered' };
	if (score > LOW_SCORE) return { ok: true, score, low: null };
	// A low answer: the young person is told at once who to call and when their guide sees it;
	// the guide is told at once, and the youth unit too while there is no guide or the guide is away.
	const guide = guideAnswerTime(actor, actor.id, now);
	const guideId = currentAssignment(actor.id)?.guideId ?? null;
	void notifyLowCheckin({ guideId, unit: !guideId || guide?.kind === 'away' });
	const { unitName, unitPhone } = getSettings();
	return { ok: true, score, low: { guide, unit: { name: unitName, phone: unitPhone } } };
}

/** The young person's low answers (1–2) no one has followed up yet. */
function lowPending(youthId: string) {
	return db()
		.select({ id: checkins.id })
		.from(checkins)
		.where(
			and(eq(checkins.youthId, youthId), isNotNull(checkins.answeredAt), lte(checkins.score, LOW_SCORE), isNull(checkins.followedUpAt))
		)
		.all();
}

/**
 * "Talt med hende/ham" (issue 20): the current guide, or the coordinator, has talked with the
 * young person about their low answers. Every low answer not yet followed up is marked with who
 * and when, and leaves the flag lists and the coordinator's list of answers without follow-up.
 */
export function markFollowedUp(
	actor: Actor,
	youthId: string,
	now = new Date()
): { ok: true; marked: number } | { ok: false; error: 'nothing' } {
	authorize(actor, 'checkins.followUp', youthId);
	const pending = lowPending(youthId).map((c) => c.id);
	if (!pending.length) return { ok: false, error: 'nothing' };
	const result = db()
		.update(checkins)
		.set({ followedUpAt: now, followedUpBy: actor!.id })
		.where(and(inArray(checkins.id, pending), isNull(checkins.followedUpAt)))
		.run();
	return result.changes ? { ok: true, marked: result.changes } : { ok: false, error: 'nothing' };
}

const runningSchedulesOf = prepareOnce((database) =>
	database
		.selectDistinct({ youthId: checkinSchedules.youthId })
		.from(checkinSchedules)
		.where(and(inJsonIds(checkinSchedules.youthId), isNull(checkinSchedules.stoppedAt)))
		.prepare()
);
const checkinRowsOf = prepareOnce((database) =>
	database
		.select({
			youthId: checkins.youthId,
			dueOn: checkins.dueOn,
			answeredAt: checkins.answeredAt,
			score: checkins.score,
			followedUpAt: checkins.followedUpAt,
			intervalDays: checkinSchedules.intervalDays
		})
		.from(checkins)
		.leftJoin(checkinSchedules, eq(checkinSchedules.id, checkins.scheduleId))
		.where(inJsonIds(checkins.youthId))
		.orderBy(desc(checkins.dueOn))
		.prepare()
);

/**
 * Flags for a staff list, by young person: while the guide has a rhythm running (not ended), the
 * latest settled check-in was missed or answered low (1–2) and not yet followed up. Only young people whose check-ins
 * the actor may read are included.
 */
export function followUpFlags(actor: NonNullable<Actor>, youthIds: string[], now = new Date()): Record<string, FollowUpFlag> {
	const relations = relationsOf(actor, youthIds, now);
	const allowed = youthIds.filter((id) => rule(actor, 'checkins.read', relations.get(id) ?? NO_RELATION));
	if (!allowed.length) return {};
	const followed = runningSchedulesOf()
		.all({ ids: JSON.stringify(allowed) })
		.map((r) => r.youthId);
	if (!followed.length) return {};
	const today = todayIso(now);
	// Newest first within each young person.
	const rows = checkinRowsOf().all({ ids: JSON.stringify(followed) });
	const flags: Record<string, FollowUpFlag> = {};
	const settled = new Set<string>();
	for (const row of rows) {
		if (settled.has(row.youthId)) continue;
		const state = checkinState(row, row.intervalDays ?? MAX_ANSWER_WINDOW_DAYS, today);
		if (state === 'open') continue;
		settled.add(row.youthId);
		if (state === 'missed') flags[row.youthId] = { kind: 'missed', dueOn: row.dueOn };
		else if (row.score !== null && row.score <= LOW_SCORE && !row.followedUpAt)
			flags[row.youthId] = { kind: 'low', score: row.score, dueOn: row.dueOn };
	}
	// Each flag (and each young person found without one) rests on reading their answers.
	recordAccesses(actor, [...settled], 'checkins');
	return flags;
}
