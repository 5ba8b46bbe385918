/**
 * Guide requests from the young person's side (and a parent's on their behalf): pick a guide
 * from the directory, propose someone they know, or ask to change (or simply to get) a guide.
 * One open request at a time; a pending one can be withdrawn; a suggestion from the visitation is
 * accepted or declined. What the young person sees is a short timeline of where the request stands.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db } from './db';
import {
	guideAssignments,
	guideRequestEvents,
	guideRequests,
	users,
	PROPOSED_ROLES,
	type GuideRequest,
	type RequestKind
} from './db/schema';
import { todayIso } from './dates';
import { field } from './http';
import { assignGuide, currentAssignment, findGuide, type GuideListing } from './guides';
import { newId } from './ids';
import { authorize, can, type Actor } from './policy';
import { getSettings } from './settings';
import { agendaDate, moveRequest, nextVisitationAfter, OPEN_STATUSES } from './visitation';

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

function hasOpenRequest(youthId: string) {
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

// ---- What the young person (and a parent) sees ----------------------------------------------

export interface RequestView {
	id: string;
	kind: RequestKind;
	status: GuideRequest['status'];
	createdAt: Date;
	sentBy: { displayName: string; byYouth: boolean; byMe: boolean };
	/** The guide asked for (pick, or a wish with a change request). */
	wish: string | null;
	/** Whether the young person had a guide when the request was sent (change, or find one). */
	hadGuide: boolean;
	proposed: { name: string; role: string | null; workplace: string | null; contact: string | null } | null;
	reason: string | null;
	/** The visitation meeting the request is (or was) on the agenda of. */
	agendaDate: string | null;
	decidedAt: Date | null;
	decisionReason: string | null;
	suggestedGuide: GuideListing | null;
	/** Who became (or will become, once invited) the guide. */
	newGuide: string | null;
	invitePending: boolean;
	/** When the young person (or the sender) closed it: withdrawn, or answered a suggestion. */
	closedAt: Date | null;
	unread: boolean;
	canWithdraw: boolean;
}

function displayNames(ids: (string | null)[]) {
	const wanted = [...new Set(ids.filter((id): id is string => !!id))];
	if (!wanted.length) return new Map<string, string>();
	return new Map(
		db()
			.select({ id: users.id, displayName: users.displayName })
			.from(users)
			.where(inArray(users.id, wanted))
			.all()
			.map((u) => [u.id, u.displayName])
	);
}

function hadGuideAt(youthId: string, at: Date) {
	return db()
		.select({ startedAt: guideAssignments.startedAt, endedAt: guideAssignments.endedAt })
		.from(guideAssignments)
		.where(eq(guideAssignments.youthId, youthId))
		.all()
		.some((a) => a.startedAt.getTime() <= at.getTime() && (!a.endedAt || a.endedAt.getTime() > at.getTime()));
}

function toView(actor: NonNullable<Actor>, r: GuideRequest, now: Date): RequestView {
	const events = db()
		.select()
		.from(guideRequestEvents)
		.where(eq(guideRequestEvents.requestId, r.id))
		.orderBy(desc(guideRequestEvents.createdAt))
		.all();
	const assigned = events.find((e) => e.action === 'approved' || e.action === 'suggestion_accepted' || e.action === 'invite_accepted');
	const names = displayNames([r.requestedBy, r.guideId, assigned?.guideId ?? null]);
	const { visitationWeekday } = getSettings();
	const open = r.status === 'open';
	const invited = r.status === 'approved' && !!r.inviteId;
	return {
		id: r.id,
		kind: r.kind,
		status: r.status,
		createdAt: r.createdAt,
		sentBy: { displayName: names.get(r.requestedBy) ?? '', byYouth: r.requestedBy === r.youthId, byMe: r.requestedBy === actor.id },
		wish: r.guideId ? (names.get(r.guideId) ?? null) : null,
		hadGuide: hadGuideAt(r.youthId, r.createdAt),
		proposed:
			r.kind === 'propose'
				? { name: r.proposedName ?? '', role: r.proposedRole, workplace: r.proposedWorkplace, contact: r.proposedContact }
				: null,
		reason: r.reason,
		agendaDate:
			r.status === 'withdrawn' ? null : agendaDate(r.visitationDate, todayIso(open ? now : (r.decidedAt ?? now)), visitationWeekday),
		decidedAt: r.decidedAt,
		decisionReason: r.decisionReason,
		suggestedGuide: r.suggestedGuideId ? findGuide(r.suggestedGuideId) : null,
		newGuide: assigned?.guideId ? (names.get(assigned.guideId) ?? null) : invited ? r.proposedName : null,
		invitePending: invited && !assigned,
		closedAt:
			r.status === 'withdrawn' || r.status === 'suggestion_declined' || events[0]?.action === 'suggestion_accepted' ? r.updatedAt : null,
		unread: actor.id === r.youthId && !r.seenByYouthAt,
		canWithdraw: open && (actor.id === r.youthId || actor.id === r.requestedBy)
	};
}

/**
 * The young person's requests: the one still pending (open, or a suggestion to answer) and the
 * latest decided one, so they always see where things stand.
 */
export function youthRequests(actor: Actor, youthId: string, now = new Date()) {
	authorize(actor, 'guide.requests.read', youthId);
	const rows = db()
		.select()
		.from(guideRequests)
		.where(eq(guideRequests.youthId, youthId))
		.orderBy(desc(guideRequests.createdAt))
		.limit(2)
		.all();
	const pending = rows.find((r) => OPEN_STATUSES.some((s) => s === r.status));
	const latest = pending ? null : rows[0];
	return {
		pending: pending ? toView(actor, pending, now) : null,
		latest: latest ? toView(actor, latest, now) : null
	};
}

/** Marks the young person's request news as seen (they opened /guide). */
export function markGuideNewsSeen(actor: Actor, now = new Date()) {
	if (actor?.role !== 'youth') return;
	db()
		.update(guideRequests)
		.set({ seenByYouthAt: now })
		.where(and(eq(guideRequests.youthId, actor.id), isNull(guideRequests.seenByYouthAt)))
		.run();
}

/** How many of the young person's requests have news they have not seen (the mark on Guide). */
export function unseenGuideNews(actor: Actor): number {
	if (actor?.role !== 'youth') return 0;
	return db()
		.select({ id: guideRequests.id })
		.from(guideRequests)
		.where(and(eq(guideRequests.youthId, actor.id), isNull(guideRequests.seenByYouthAt)))
		.all().length;
}

/**
 * A parent's view: the requests they sent for the young person, and whether the young person has
 * another request pending (its content is the young person's own).
 */
export function parentRequests(actor: Actor, youthId: string, now = new Date()) {
	authorize(actor, 'guide.request', youthId);
	const mine = db()
		.select()
		.from(guideRequests)
		.where(and(eq(guideRequests.youthId, youthId), eq(guideRequests.requestedBy, actor.id)))
		.orderBy(desc(guideRequests.createdAt))
		.limit(3)
		.all();
	const pending = mine.find((r) => OPEN_STATUSES.some((s) => s === r.status));
	return {
		requests: mine.map((r) => toView(actor, r, now)),
		otherPending: !pending && hasOpenRequest(youthId)
	};
}

/** Whether the actor may send a guide request for this young person (a parent: under 18 only). */
export function maySendRequest(actor: Actor, youthId: string) {
	return can(actor, 'guide.request', youthId);
}
