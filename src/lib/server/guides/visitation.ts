/**
 * The weekly visitation (docs/product.md rule 7): the coordinator's queue of guide requests and the
 * three decisions — approve (assign the guide, or invite the person the young person proposed),
 * decline with a reason written for the young person, or suggest another guide. Every step is a
 * row in guide_request_events (who, when, what, why); a request only moves along TRANSITIONS.
 * A decision sends a content-free Web Push to the young person (and a parent who asked).
 */
import { addDays, format, getISODay, parseISO } from 'date-fns';
import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Tx } from '../db';
import { guideRequestEvents, guideRequests, plans, users, type GuideRequest, type RequestEvent, type RequestStatus } from '../db/schema';
import { createInvite } from '../auth';
import { ageOn, birthDatesForAges, todayIso } from '../dates';
import { assignGuide, findGuide } from './directory';
import { newId } from '../ids';
import { notifyRequestDecided } from '../push';
import { authorizeGlobal, can, currentAssignment, recordAccess, recordAccesses, type Actor } from '../access';
import { getSettings } from '../settings';
import { AGE_BANDS } from '../../shared/caseload';
import type { QueueFilter, QueueItem } from '../../shared/guides';

const NO_FILTER: QueueFilter = { kind: null, state: null, age: null };

// ---- The calendar ----------------------------------------------------------------------------

/** The first visitation day strictly after `dayIso` (weekday: 1 = Monday … 7 = Sunday). */
export function nextVisitationAfter(dayIso: string, weekday: number): string {
	const day = parseISO(dayIso);
	const ahead = (weekday - getISODay(day) + 7) % 7 || 7;
	return format(addDays(day, ahead), 'yyyy-MM-dd');
}

/** The meeting a request is on the agenda of: its own, or (once that has passed undecided) the next. */
export function agendaDate(stored: string | null, referenceIso: string, weekday: number): string {
	if (stored && stored >= referenceIso) return stored;
	return nextVisitationAfter(format(addDays(parseISO(referenceIso), -1), 'yyyy-MM-dd'), weekday);
}

// ---- The state machine -----------------------------------------------------------------------

export const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
	open: ['withdrawn', 'approved', 'declined', 'suggested'],
	suggested: ['approved', 'suggestion_declined'],
	withdrawn: [],
	approved: [],
	declined: [],
	suggestion_declined: []
};

export const OPEN_STATUSES = ['open', 'suggested'] as const satisfies readonly RequestStatus[];

export function canMove(from: RequestStatus, to: RequestStatus): boolean {
	return TRANSITIONS[from].includes(to);
}

export interface Move {
	to: RequestStatus;
	action: RequestEvent;
	actorId: string;
	guideId?: string | null;
	reason?: string | null;
	overrideReason?: string | null;
	/** Whether the young person has news to see (a mark on Guide). */
	youthSeen: boolean;
	patch?: Partial<typeof guideRequests.$inferInsert>;
	now: Date;
}

/** Moves a request one step and records the step; false if it was not in the expected state. */
export function moveRequest(tx: Tx, request: GuideRequest, move: Move): boolean {
	if (!canMove(request.status, move.to)) return false;
	const result = tx
		.update(guideRequests)
		.set({ ...move.patch, status: move.to, updatedAt: move.now, seenByYouthAt: move.youthSeen ? move.now : null })
		.where(and(eq(guideRequests.id, request.id), eq(guideRequests.status, request.status)))
		.run();
	if (result.changes !== 1) return false;
	tx.insert(guideRequestEvents)
		.values({
			id: newId(),
			requestId: request.id,
			actorId: move.actorId,
			action: move.action,
			guideId: move.guideId ?? null,
			reason: move.reason ?? null,
			overrideReason: move.overrideReason ?? null,
			createdAt: move.now
		})
		.run();
	return true;
}

// ---- The queue -------------------------------------------------------------------------------

function nameOf(id: string | null) {
	if (!id) return null;
	return db().select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, id)).get() ?? null;
}

function toItem(actor: NonNullable<Actor>, r: GuideRequest, today: string, weekday: number): QueueItem {
	const youth = db()
		.select({ id: users.id, displayName: users.displayName, birthDate: users.birthDate })
		.from(users)
		.where(eq(users.id, r.youthId))
		.get()!;
	const assignment = currentAssignment(r.youthId);
	let goal: string | null = null;
	if (can(actor, 'visitation.read', r.youthId)) {
		goal = db().select({ goalText: plans.goalText }).from(plans).where(eq(plans.youthId, r.youthId)).get()?.goalText ?? null;
		if (goal) recordAccess(actor, r.youthId, 'plan', 'visitation');
	}
	const sender = nameOf(r.requestedBy);
	const wish = r.guideId ? findGuide(r.guideId) : null;
	return {
		id: r.id,
		kind: r.kind,
		status: r.status,
		createdAt: r.createdAt,
		agendaDate: agendaDate(r.visitationDate, today, weekday),
		reason: r.reason,
		youth: { id: youth.id, displayName: youth.displayName, age: ageOn(youth.birthDate!) },
		currentGuide: assignment ? nameOf(assignment.guideId) : null,
		goal,
		sentBy: { displayName: sender?.displayName ?? '', byParent: r.requestedBy !== r.youthId },
		wish: wish ? { id: wish.id, displayName: wish.displayName, full: wish.full } : null,
		proposed:
			r.kind === 'propose'
				? { name: r.proposedName ?? '', role: r.proposedRole, workplace: r.proposedWorkplace, contact: r.proposedContact }
				: null,
		suggestedGuide: nameOf(r.suggestedGuideId),
		decisionReason: r.decisionReason,
		decidedAt: r.decidedAt,
		invitePending: r.status === 'approved' && !!r.inviteId
	};
}

/**
 * Open requests, oldest first, grouped by the visitation meeting they are on the agenda of, and the
 * ones waiting for the young person's answer to a suggestion; narrowed by the filters in SQL.
 */
export function visitationQueue(actor: Actor, filter: QueueFilter = NO_FILTER, now = new Date()) {
	authorizeGlobal(actor, 'visitation.manage');
	const { visitationWeekday } = getSettings();
	const today = todayIso(now);
	const where = [inArray(guideRequests.status, filter.state ? [filter.state] : OPEN_STATUSES)];
	if (filter.kind) where.push(eq(guideRequests.kind, filter.kind));
	if (filter.age) {
		const [from, to] = AGE_BANDS[filter.age];
		const { after, onOrBefore } = birthDatesForAges(from, to, today);
		where.push(
			inArray(
				guideRequests.youthId,
				db()
					.select({ id: users.id })
					.from(users)
					.where(and(gt(users.birthDate, after), lte(users.birthDate, onOrBefore)))
			)
		);
	}
	const rows = db()
		.select()
		.from(guideRequests)
		.where(and(...where))
		.orderBy(asc(guideRequests.createdAt))
		.all();
	const items = rows.map((r) => toItem(actor, r, today, visitationWeekday));
	// The queue shows each young person's request (who they are, why they ask): a read of it.
	recordAccesses(
		actor,
		items.map((i) => i.youth.id),
		'requests'
	);
	const groups: { date: string; requests: QueueItem[] }[] = [];
	for (const item of items.filter((i) => i.status === 'open')) {
		let group = groups.find((g) => g.date === item.agendaDate);
		if (!group) groups.push((group = { date: item.agendaDate, requests: [] }));
		group.requests.push(item);
	}
	groups.sort((a, b) => a.date.localeCompare(b.date));
	return {
		groups,
		waiting: items.filter((i) => i.status === 'suggested'),
		nextMeeting: agendaDate(null, today, visitationWeekday),
		filter,
		filtered: !!(filter.kind || filter.state || filter.age)
	};
}

/** One request as the visitation sees it (any status, so a decision can be shown afterwards). */
export function requestForDecision(actor: Actor, requestId: string, now = new Date()): QueueItem | null {
	authorizeGlobal(actor, 'visitation.manage');
	const r = db().select().from(guideRequests).where(eq(guideRequests.id, requestId)).get();
	if (!r) return null;
	const item = toItem(actor, r, todayIso(now), getSettings().visitationWeekday);
	recordAccess(actor, r.youthId, 'requests');
	return item;
}

// ---- Decisions -------------------------------------------------------------------------------

export type DecisionError =
	| 'stale'
	| 'guide'
	| 'same_guide'
	| 'override_required'
	| 'message'
	| 'reason'
	| 'invite_not_proposal'
	| 'invite_name'
	| 'invite_title'
	| 'invite_workplace';

export type DecisionResult = { ok: true; inviteCode?: string } | { ok: false; error: DecisionError };

const optionalText = z.string().trim().max(1000);
const inviteInput = z.object({
	inviteName: z.string().trim().min(2).max(100),
	inviteTitle: z.string().trim().min(2).max(100),
	inviteWorkplace: z.string().trim().min(2).max(150)
});

/** Checks a guide the visitation chose: exists, is not the current one, and has room (or an override). */
function checkGuide(r: GuideRequest, guideId: string, overrideReason: string): DecisionError | null {
	const guide = guideId ? findGuide(guideId) : null;
	if (!guide) return 'guide';
	if (currentAssignment(r.youthId)?.guideId === guide.id) return 'same_guide';
	if (guide.full && overrideReason.length < 5) return 'override_required';
	return null;
}

/**
 * Runs a decision on an open request in one synchronous transaction. Bodies validate before they
 * write, so a refused decision changes nothing.
 */
function decide(requestId: string, body: (tx: Tx, r: GuideRequest) => DecisionResult): DecisionResult {
	let decided: GuideRequest | undefined;
	const result = db().transaction((tx): DecisionResult => {
		const r = tx.select().from(guideRequests).where(eq(guideRequests.id, requestId)).get();
		if (!r || r.status !== 'open') return { ok: false, error: 'stale' };
		decided = r;
		return body(tx, r);
	});
	// After the commit: the young person (and a parent who asked) learn that there is news.
	if (result.ok && decided) void notifyRequestDecided(decided);
	return result;
}

function inviteError(parsed: z.ZodSafeParseError<unknown>): DecisionError {
	const field = parsed.error.issues[0]?.path[0];
	return field === 'inviteTitle' ? 'invite_title' : field === 'inviteWorkplace' ? 'invite_workplace' : 'invite_name';
}

/** Approves: assigns the chosen guide, or invites the proposed person (assigned when they accept). */
export function approveRequest(actor: Actor, requestId: string, raw: Record<string, string>, now = new Date()): DecisionResult {
	authorizeGlobal(actor, 'visitation.manage');
	const message = optionalText.safeParse(raw.message ?? '');
	const override = optionalText.safeParse(raw.overrideReason ?? '');
	if (!message.success || !override.success) return { ok: false, error: 'message' };
	const decided = { decidedBy: actor.id, decidedAt: now, decisionReason: message.data || null };
	const base = { actorId: actor.id, reason: message.data || null, youthSeen: false, now };
	return decide(requestId, (tx, r) => {
		if (raw.assign === 'invite') {
			if (r.kind !== 'propose') return { ok: false, error: 'invite_not_proposal' };
			const parsed = inviteInput.safeParse(raw);
			if (!parsed.success) return { ok: false, error: inviteError(parsed) };
			const invite = createInvite(
				actor.id,
				{ role: 'guide', displayName: parsed.data.inviteName, title: parsed.data.inviteTitle, workplace: parsed.data.inviteWorkplace },
				now
			);
			moveRequest(tx, r, { ...base, to: 'approved', action: 'invited', patch: { ...decided, inviteId: invite.id } });
			return { ok: true, inviteCode: invite.code };
		}
		const guideId = raw.assign ?? '';
		const problem = checkGuide(r, guideId, override.data);
		if (problem) return { ok: false, error: problem };
		const overrideReason = findGuide(guideId)!.full ? override.data : null;
		moveRequest(tx, r, { ...base, to: 'approved', action: 'approved', guideId, overrideReason, patch: decided });
		assignGuide(tx, { youthId: r.youthId, guideId, assignedBy: actor.id, requestId: r.id, overrideReason, now });
		return { ok: true };
	});
}

const declineReason = z.string().trim().min(5).max(1000);

/** Declines, with a reason written for the young person (required). */
export function declineRequest(actor: Actor, requestId: string, raw: Record<string, string>, now = new Date()): DecisionResult {
	authorizeGlobal(actor, 'visitation.manage');
	const reason = declineReason.safeParse(raw.reason ?? '');
	if (!reason.success) return { ok: false, error: 'reason' };
	return decide(requestId, (tx, r) => {
		moveRequest(tx, r, {
			to: 'declined',
			action: 'declined',
			actorId: actor.id,
			reason: reason.data,
			youthSeen: false,
			patch: { decidedBy: actor.id, decidedAt: now, decisionReason: reason.data },
			now
		});
		return { ok: true };
	});
}

/** Suggests another guide; the place is held for the young person until they answer. */
export function suggestGuide(actor: Actor, requestId: string, raw: Record<string, string>, now = new Date()): DecisionResult {
	authorizeGlobal(actor, 'visitation.manage');
	const message = optionalText.safeParse(raw.message ?? '');
	const override = optionalText.safeParse(raw.overrideReason ?? '');
	if (!message.success || !override.success) return { ok: false, error: 'message' };
	return decide(requestId, (tx, r) => {
		const guideId = raw.guideId ?? '';
		const problem = checkGuide(r, guideId, override.data);
		if (problem) return { ok: false, error: problem };
		const overrideReason = findGuide(guideId)!.full ? override.data : null;
		moveRequest(tx, r, {
			to: 'suggested',
			action: 'suggested',
			actorId: actor.id,
			guideId,
			reason: message.data || null,
			overrideReason,
			youthSeen: false,
			patch: { decidedBy: actor.id, decidedAt: now, decisionReason: message.data || null, suggestedGuideId: guideId, overrideReason },
			now
		});
		return { ok: true };
	});
}
