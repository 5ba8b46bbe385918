/**
 * Follow-up ("Hej, hvordan går det?"): the guide sets a rhythm per young person, the young person
 * answers each check-in with one tap (1–5) and an optional text, and the guide sees the answers
 * as a timeline. A low answer or a missed check-in is flagged on the guide's list.
 *
 * Check-ins are created as they fall due (`syncCheckins`, idempotent: one per young person and
 * day). Closing the plan does not stop the rhythm; only the guide ends it.
 */
import { and, desc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { addDays, format, parseISO } from 'date-fns';
import { z } from 'zod';
import type { CheckinOverview, FollowUpFlag, LowAnswerReply, MyCheckin, RhythmView, TimelineItem } from '../../shared/followup';
import { recordAccess, recordAccesses } from '../access';
import {
	checkinState,
	dueDatesUntil,
	endDateAfterMonths,
	isRunning,
	LOW_SCORE,
	MAX_ANSWER_WINDOW_DAYS,
	lastDayToAnswer,
	nextDueDate,
	type Rhythm
} from './rhythm';
import { isIsoDate, todayIso } from '../dates';
import { db } from '../db';
import { inSlices } from '../db/slices';
import { checkinSchedules, checkins, users, type CheckinSchedule } from '../db/schema';
import { newId } from '../ids';
import { authorize, can, currentAssignment, NO_RELATION, relationsOf, rule, type Actor } from '../access';
import { guideAnswerTime } from '../guides';
import { getSettings } from '../settings';
import { notifyCheckinsDue, notifyLowCheckin } from '../push';

/** How far ahead a guide may let a rhythm start. */
const MAX_START_AHEAD_DAYS = 365;
export const RHYTHM_MONTHS = [1, 2, 3, 6, 12] as const;
export const MAX_COMMENT_LENGTH = 1000;

function rhythmOf(s: Pick<CheckinSchedule, 'intervalDays' | 'startsOn' | 'endsOn' | 'stoppedAt'>): Rhythm {
	return {
		intervalDays: s.intervalDays,
		startsOn: s.startsOn,
		endsOn: s.endsOn,
		stoppedOn: s.stoppedAt ? todayIso(s.stoppedAt) : null
	};
}

/**
 * Creates every check-in that has fallen due by `now` (for these young people, or everyone).
 * Returns the ones it created; each young person with a new one that can still be answered gets
 * a notice (`notify`: not when the young person is the one opening it).
 */
export function syncCheckins(youthIds?: string[], now = new Date(), notify = true): { id: string; youthId: string; dueOn: string }[] {
	if (youthIds && !youthIds.length) return [];
	const today = todayIso(now);
	const schedules = youthIds
		? inSlices(youthIds, (slice) => db().select().from(checkinSchedules).where(inArray(checkinSchedules.youthId, slice)).all())
		: db().select().from(checkinSchedules).all();
	if (!schedules.length) return [];
	const dueDates = (slice?: string[]) =>
		db()
			.select({ youthId: checkins.youthId, dueOn: checkins.dueOn })
			.from(checkins)
			.where(slice ? inArray(checkins.youthId, slice) : undefined)
			.all();
	const existing = new Set((youthIds ? inSlices(youthIds, dueDates) : dueDates()).map((c) => `${c.youthId}/${c.dueOn}`));
	const created: { id: string; youthId: string; dueOn: string }[] = [];
	const answerable: { youthId: string }[] = [];
	db().transaction((tx) => {
		for (const s of schedules) {
			for (const dueOn of dueDatesUntil(rhythmOf(s), today)) {
				const key = `${s.youthId}/${dueOn}`;
				if (existing.has(key)) continue;
				existing.add(key);
				const id = newId();
				const result = tx
					.insert(checkins)
					.values({ id, youthId: s.youthId, scheduleId: s.id, dueOn, createdAt: now })
					.onConflictDoNothing()
					.run();
				if (!result.changes) continue;
				created.push({ id, youthId: s.youthId, dueOn });
				if (lastDayToAnswer(dueOn, s.intervalDays) >= today) answerable.push({ youthId: s.youthId });
			}
		}
	});
	// A check-in that can still be answered brings a notice (never one already missed).
	if (notify && answerable.length) void notifyCheckinsDue(answerable);
	return created;
}

let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Creates the check-ins that fall due, now and every hour while the server runs, so that a young
 * person is notified without anyone having to open Minvej first.
 */
export function scheduleCheckins() {
	syncCheckins();
	timer ??= setInterval(() => syncCheckins(), 60 * 60 * 1000);
	timer.unref();
}

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

/** The rhythm the guide set last and has not ended. */
function currentSchedule(youthId: string) {
	return db()
		.select()
		.from(checkinSchedules)
		.where(and(eq(checkinSchedules.youthId, youthId), isNull(checkinSchedules.stoppedAt)))
		.orderBy(desc(checkinSchedules.createdAt))
		.get();
}

function rhythmView(s: CheckinSchedule | undefined, today: string): RhythmView | null {
	if (!s) return null;
	const r = rhythmOf(s);
	return {
		intervalDays: s.intervalDays,
		startsOn: s.startsOn,
		endsOn: s.endsOn,
		running: isRunning(r, today),
		nextDueOn: nextDueDate(r, today)
	};
}

/** What a staff member sees of a young person's follow-up; null when they may not see it. */
export function checkinOverview(actor: NonNullable<Actor>, youthId: string, now = new Date()): CheckinOverview | null {
	if (!can(actor, 'checkins.read', youthId)) return null;
	syncCheckins([youthId], now);
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
	syncCheckins([actor.id], now, false);
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
export function markFollowedUp(actor: Actor, youthId: string, now = new Date()): { ok: true; marked: number } | { ok: false; error: 'nothing' } {
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

export type RhythmError = 'interval' | 'starts_on' | 'months' | 'no_rhythm';

function rhythmInput(today: string) {
	const maxStart = format(addDays(parseISO(today), MAX_START_AHEAD_DAYS), 'yyyy-MM-dd');
	return z.object({
		intervalDays: z.coerce.number().int().min(1).max(180),
		startsOn: z
			.string()
			.refine(isIsoDate)
			.refine((d) => d >= today && d <= maxStart),
		months: z.union([z.literal(''), z.enum(RHYTHM_MONTHS.map(String) as [string, ...string[]])])
	});
}

/**
 * The guide sets (or changes) the young person's rhythm: every `intervalDays` days from
 * `startsOn`, for `months` months or (empty) until the guide ends it. A previous rhythm ends.
 */
export function setRhythm(
	actor: Actor,
	youthId: string,
	raw: Record<string, unknown>,
	now = new Date()
): { ok: true } | { ok: false; error: RhythmError } {
	authorize(actor, 'checkins.manage', youthId);
	const today = todayIso(now);
	const parsed = rhythmInput(today).safeParse(raw);
	if (!parsed.success) {
		const path = parsed.error.issues[0]?.path[0];
		return { ok: false, error: path === 'startsOn' ? 'starts_on' : path === 'months' ? 'months' : 'interval' };
	}
	const { intervalDays, startsOn, months } = parsed.data;
	syncCheckins([youthId], now);
	db().transaction((tx) => {
		tx.update(checkinSchedules)
			.set({ stoppedAt: now })
			.where(and(eq(checkinSchedules.youthId, youthId), isNull(checkinSchedules.stoppedAt)))
			.run();
		tx.insert(checkinSchedules)
			.values({
				id: newId(),
				youthId,
				intervalDays,
				startsOn,
				endsOn: endDateAfterMonths(startsOn, months ? Number(months) : null),
				createdBy: actor.id,
				createdAt: now
			})
			.run();
	});
	syncCheckins([youthId], now);
	return { ok: true };
}

/** The guide ends the rhythm: no new check-ins; one already asked can still be answered. */
export function stopRhythm(actor: Actor, youthId: string, now = new Date()): { ok: true } | { ok: false; error: RhythmError } {
	authorize(actor, 'checkins.manage', youthId);
	syncCheckins([youthId], now);
	const result = db()
		.update(checkinSchedules)
		.set({ stoppedAt: now })
		.where(and(eq(checkinSchedules.youthId, youthId), isNull(checkinSchedules.stoppedAt)))
		.run();
	return result.changes ? { ok: true } : { ok: false, error: 'no_rhythm' };
}

/**
 * Flags for a staff list, by young person: while the guide has a rhythm running (not ended), the
 * latest settled check-in was missed or answered low (1–2) and not yet followed up. Only young people whose check-ins
 * the actor may read are included.
 */
export function followUpFlags(actor: NonNullable<Actor>, youthIds: string[], now = new Date()): Record<string, FollowUpFlag> {
	const relations = relationsOf(actor, youthIds, now);
	const allowed = youthIds.filter((id) => rule(actor, 'checkins.read', relations.get(id) ?? NO_RELATION));
	if (!allowed.length) return {};
	syncCheckins(allowed, now);
	const followed = inSlices(allowed, (slice) =>
		db()
			.selectDistinct({ youthId: checkinSchedules.youthId })
			.from(checkinSchedules)
			.where(and(inArray(checkinSchedules.youthId, slice), isNull(checkinSchedules.stoppedAt)))
			.all()
	).map((r) => r.youthId);
	if (!followed.length) return {};
	const today = todayIso(now);
	// Newest first within each young person (a young person's rows are all in one slice).
	const rows = inSlices(followed, (slice) =>
		db()
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
			.where(inArray(checkins.youthId, slice))
			.orderBy(desc(checkins.dueOn))
			.all()
	);
	const flags: Record<string, FollowUpFlag> = {};
	const settled = new Set<string>();
	for (const row of rows) {
		if (settled.has(row.youthId)) continue;
		const state = checkinState(row, row.intervalDays ?? MAX_ANSWER_WINDOW_DAYS, today);
		if (state === 'open') continue;
		settled.add(row.youthId);
		if (state === 'missed') flags[row.youthId] = { kind: 'missed', dueOn: row.dueOn };
		else if (row.score !== null && row.score <= LOW_SCORE && !row.followedUpAt) flags[row.youthId] = { kind: 'low', score: row.score, dueOn: row.dueOn };
	}
	// Each flag (and each young person found without one) rests on reading their answers.
	recordAccesses(actor, [...settled], 'checkins');
	return flags;
}
