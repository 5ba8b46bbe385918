/**
 * Guide requests from the young person's side (and a parent's on their behalf): pick a guide
 * from the directory, propose someone they know, or ask to change (or simply to get) a guide.
 * One open request at a time; a pending one can be withdrawn; a suggestion from the visitation is
 * accepted or declined. What they see of it is in request-views.ts.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Tx } from '../db';
import { guideRequestEvents, guideRequests, PROPOSED_ROLES, type RequestKind } from '../db/schema';
import { todayIso } from '../dates';
import { field } from '../http';
import { assignGuide, findGuide } from './directory';
import { newId } from '../ids';
import { authorize, can, currentAssignment, type Actor } from '../access';
import { getSettings } from '../settings';
import { moveRequest, nextVisitationAfter, OPEN_STATUSES } from './visitation';

// ---- Sending ---------------------------------------------------------------------------------

const PHONE = /^\+?[0-9][0-9 -]{6,18}[0-9]$/;
const isContact = (v: string) => PHONE.test(v) || z.email().safeParse(v).success;

const optionalReason = z.string().trim().max(1000);
const inputs = {
	pick: z.object({ guideId: z.string().min(1).max(64), reason: optionalReason }),
	change: z.object({ guideId: z.string().max(64), reason: optionalReason }),
	propose: z.object({
		proposedName: z.string().trim().min(2).max(100),
		proposedRole: z.enum(PROPOSED_ROLES),
		proposedWorkplace: z.string().trim().min(2).max(150),
		proposedContact: z.string().trim().max(200).refine(isContact),
		reason: z.string().trim().min(10).max(1000)
	})
};

const FIELD_ERRORS = {
	guideId: 'guide',
	reason: 'reason',
	proposedName: 'name',
	proposedRole: 'role',
	proposedWorkplace: 'workplace',
	proposedContact: 'contact'
} as const;
export type RequestError = (typeof FIELD_ERRORS)[keyof typeof FIELD_ERRORS] | 'kind' | 'guide_full' | 'same_guide' | 'open_exists';
export type SendResult = { ok: true; id: string } | { ok: false; errors: RequestError[] };

/** Checks a guide named in a request: in the directory, not the current guide, and not full. */
function checkWish(youthId: string, guideId: string): RequestError | null {
	const guide = findGuide(guideId, true);
	if (!guide) return 'guide';
	if (currentAssignment(youthId)?.guideId === guide.id) return 'same_guide';
	if (guide.full) return 'guide_full';
	return null;
}

export function hasOpenRequest(youthId: string) {
	return !!db()
		.select({ id: guideRequests.id })
		.from(guideRequests)
		.where(and(eq(guideRequests.youthId, youthId), inArray(guideRequests.status, OPEN_STATUSES)))
		.get();
}

/** Sends a request for the young person (by themselves, or a parent for one under 18). */
export function sendRequest(actor: Actor, youthId: string, kind: string, raw: Record<string, string>, now = new Date()): SendResult {
	authorize(actor, 'guide.request', youthId);
	if (kind !== 'pick' && kind !== 'change' && kind !== 'propose') return { ok: false, errors: ['kind'] };
	const parsed = inputs[kind].safeParse(raw);
	if (!parsed.success) {
		const fields = new Set(parsed.error.issues.map((i) => FIELD_ERRORS[i.path[0] as keyof typeof FIELD_ERRORS] ?? 'kind'));
		return { ok: false, errors: [...fields] };
	}
	const data = parsed.data as Partial<Record<keyof typeof FIELD_ERRORS, string>>;
	if (data.guideId) {
		const problem = checkWish(youthId, data.guideId);
		if (problem) return { ok: false, errors: [problem] };
	}
	const { visitationWeekday } = getSettings();
	const id = newId();
	return db().transaction((tx) => {
		if (hasOpenRequest(youthId)) return { ok: false as const, errors: ['open_exists' as const] };
		tx.insert(guideRequests)
			.values({
				id,
				youthId,
				requestedBy: actor.id,
				kind: kind as RequestKind,
				guideId: data.guideId || null,
				proposedName: data.proposedName ?? null,
				proposedRole: data.proposedRole ?? null,
				proposedWorkplace: data.proposedWorkplace ?? null,
				proposedContact: data.proposedContact ?? null,
				reason: data.reason || null,
				status: 'open',
				visitationDate: nextVisitationAfter(todayIso(now), visitationWeekday),
				seenByYouthAt: actor.id === youthId ? now : null,
				createdAt: now,
				updatedAt: now
			})
			.run();
		tx.insert(guideRequestEvents)
			.values({
				id: newId(),
				requestId: id,
				actorId: actor.id,
				action: 'sent',
				guideId: data.guideId || null,
				reason: data.reason || null,
				createdAt: now
			})
			.run();
		return { ok: true as const, id };
	});
}

/** The fields a request form may carry, trimmed ('' when missing). */
export function requestFields(form: FormData): Record<string, string> {
	const names = ['guideId', 'reason', 'proposedName', 'proposedRole', 'proposedWorkplace', 'proposedContact'];
	return Object.fromEntries(names.map((name) => [name, field(form, name)]));
}

// ---- Withdrawing and answering a suggestion ------------------------------------------------

function requestOf(requestId: string) {
	return db().select().from(guideRequests).where(eq(guideRequests.id, requestId)).get();
}

/** Withdraws a pending request: the young person any of theirs, a parent only one they sent. */
export function withdrawRequest(actor: Actor, requestId: string, now = new Date()): boolean {
	const r = requestOf(requestId);
	if (!r) return false;
	authorize(actor, 'guide.request', r.youthId);
	if (actor.id !== r.youthId && actor.id !== r.requestedBy) return false;
	return db().transaction((tx) =>
		moveRequest(tx, r, { to: 'withdrawn', action: 'withdrawn', actorId: actor.id, youthSeen: actor.id === r.youthId, now })
	);
}

/** The young person accepts the visitation's suggested guide (who is then assigned) or declines. */
export function answerSuggestion(actor: Actor, requestId: string, accept: boolean, now = new Date()): boolean {
	const r = requestOf(requestId);
	if (!r) return false;
	authorize(actor, 'guide.answerSuggestion', r.youthId);
	if (r.status !== 'suggested' || !r.suggestedGuideId) return false;
	const guideId = r.suggestedGuideId;
	return db().transaction((tx) => {
		if (!accept)
			return moveRequest(tx, r, {
				to: 'suggestion_declined',
				action: 'suggestion_declined',
				actorId: actor.id,
				guideId,
				youthSeen: true,
				now
			});
		if (!moveRequest(tx, r, { to: 'approved', action: 'suggestion_accepted', actorId: actor.id, guideId, youthSeen: true, now }))
			return false;
		assignGuide(tx, {
			youthId: r.youthId,
			guideId,
			assignedBy: r.decidedBy ?? actor.id,
			requestId: r.id,
			overrideReason: r.overrideReason,
			now
		});
		return true;
	});
}

/** Whether the actor may send a guide request for this young person (a parent: under 18 only). */
export function maySendRequest(actor: Actor, youthId: string) {
	return can(actor, 'guide.request', youthId);
}

/**
 * Puts the young person in the visitation's queue for a new guide, sent by the coordinator on
 * their behalf (their guide left); nothing when a request of theirs is open already. In the
 * caller's transaction.
 */
export function queueForNewGuide(tx: Tx, youthId: string, actorId: string, now: Date) {
	if (hasOpenRequest(youthId)) return;
	const id = newId();
	tx.insert(guideRequests)
		.values({
			id,
			youthId,
			requestedBy: actorId,
			kind: 'change',
			status: 'open',
			visitationDate: nextVisitationAfter(todayIso(now), getSettings().visitationWeekday),
			seenByYouthAt: null,
			createdAt: now,
			updatedAt: now
		})
		.run();
	tx.insert(guideRequestEvents).values({ id: newId(), requestId: id, actorId, action: 'sent', createdAt: now }).run();
}
