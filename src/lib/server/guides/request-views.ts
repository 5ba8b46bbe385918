/**
 * What the young person (and a parent who asked on their behalf) sees of guide requests: a short
 * timeline of where each request stands, and the unread mark on Guide.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, prepareOnce } from '../db';
import { guideAssignments, guideRequestEvents, guideRequests, users, type GuideRequest } from '../db/schema';
import { todayIso } from '../dates';
import { findGuide } from './directory';
import { hasOpenRequest } from './requests';
import { authorize, can, type Actor } from '../access';
import { getSettings } from '../settings';
import { agendaDate, OPEN_STATUSES } from './visitation';
import type { ParentRequests, RequestView } from '../../shared/guides';

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
	// Who became (or is suggested as) the guide is the guide kind of data: a parent who asked sees
	// it only while the young person shares who their guide is with them.
	const seesGuide = can(actor, 'guide.read', r.youthId);
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
		suggestedGuide: r.suggestedGuideId && seesGuide ? findGuide(r.suggestedGuideId) : null,
		newGuide: !seesGuide ? null : assigned?.guideId ? (names.get(assigned.guideId) ?? null) : invited ? r.proposedName : null,
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

/** Marks the young person's request news (and a hand-over's) as seen (they opened /guide). */
export function markGuideNewsSeen(actor: Actor, now = new Date()) {
	if (actor?.role !== 'youth') return;
	db()
		.update(guideRequests)
		.set({ seenByYouthAt: now })
		.where(and(eq(guideRequests.youthId, actor.id), isNull(guideRequests.seenByYouthAt)))
		.run();
	db()
		.update(guideAssignments)
		.set({ seenByYouthAt: now })
		.where(and(eq(guideAssignments.youthId, actor.id), eq(guideAssignments.handover, true), isNull(guideAssignments.seenByYouthAt)))
		.run();
}

const unseenRequests = prepareOnce((database) =>
	database
		.select({ id: guideRequests.id })
		.from(guideRequests)
		.where(and(eq(guideRequests.youthId, sql.placeholder('youthId')), isNull(guideRequests.seenByYouthAt)))
		.prepare()
);

/** How many of the young person's requests and hand-overs have news they have not seen (the mark on Guide). */
export function unseenGuideNews(actor: Actor): number {
	if (actor?.role !== 'youth') return 0;
	const requests = unseenRequests().all({ youthId: actor.id }).length;
	return requests + (latestHandover(actor.id) ? 1 : 0);
}

/**
 * The news of a hand-over the young person has not seen yet: their guide left, and they have a
 * new guide ('newGuide'), or wait for the visitation to find one ('queue').
 */
export function handoverNews(actor: Actor, youthId: string): 'newGuide' | 'queue' | null {
	authorize(actor, 'guide.read', youthId);
	return latestHandover(youthId);
}

const latestAssignment = prepareOnce((database) =>
	database
		.select({ handover: guideAssignments.handover, seenByYouthAt: guideAssignments.seenByYouthAt, endedAt: guideAssignments.endedAt })
		.from(guideAssignments)
		.where(eq(guideAssignments.youthId, sql.placeholder('youthId')))
		.orderBy(desc(guideAssignments.startedAt), desc(sql`rowid`))
		.limit(1)
		.prepare()
);

function latestHandover(youthId: string): 'newGuide' | 'queue' | null {
	const latest = latestAssignment().get({ youthId });
	if (!latest?.handover || latest.seenByYouthAt) return null;
	return latest.endedAt ? 'queue' : 'newGuide';
}

/**
 * A parent's view: the requests they sent for the young person, and whether the young person has
 * another request pending (its content is the young person's own).
 */
export function parentRequests(actor: Actor, youthId: string, now = new Date()): ParentRequests {
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
