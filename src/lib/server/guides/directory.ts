/**
 * Guides: the directory a young person chooses from, each guide's load against capacity, the
 * young person's current guide, and the one way a guide is assigned (which ends the previous
 * assignment, keeping it as history). Access follows the live assignment (see access/), so
 * the old guide loses access the moment a new assignment starts.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { guideAssignments, guideProfiles, guideRequestEvents, guideRequests, messageThreads, users } from '../db/schema';
import { newId } from '../ids';
import { authorize, authorizeGlobal, currentAssignment, type Actor } from '../access';
import type { GuideCard, GuideListing } from '../../shared/guides';

/** The synchronous transaction handle better-sqlite3 gives (see db().transaction). */

export function initialsOf(name: string): string {
	return name
		.split(/\s+/)
		.filter(Boolean)
		.map((part) => part[0]!.toUpperCase())
		.slice(0, 2)
		.join('');
}

/**
 * The places suggestions hold for young people at the visitation, per guide (with `guideId`, that
 * one guide's). A guide's load is these and their young people now, which the database keeps on
 * the profile (`current_youth`, db/guide-loads.ts) instead of counting every assignment.
 */
function heldPlaces(guideId?: string): Map<string, number> {
	const held = db()
		.select({ guideId: guideRequests.suggestedGuideId, n: count() })
		.from(guideRequests)
		.where(and(eq(guideRequests.status, 'suggested'), guideId === undefined ? undefined : eq(guideRequests.suggestedGuideId, guideId)))
		.groupBy(guideRequests.suggestedGuideId)
		.all();
	return new Map(held.filter((row) => row.guideId).map((row) => [row.guideId!, row.n]));
}

function listGuides(listedOnly: boolean, guideId?: string): GuideListing[] {
	const rows = db()
		.select({ user: users, profile: guideProfiles })
		.from(users)
		.innerJoin(guideProfiles, eq(guideProfiles.userId, users.id))
		.where(
			and(
				eq(users.role, 'guide'),
				isNull(users.disabledAt),
				listedOnly ? eq(guideProfiles.listed, true) : undefined,
				// One guide (also '' from an empty form field: then none), or every guide.
				guideId === undefined ? undefined : eq(users.id, guideId)
			)
		)
		.all();
	const held = heldPlaces(guideId);
	return rows
		.map(({ user, profile }) => {
			const load = profile.currentYouth + (held.get(user.id) ?? 0);
			return {
				id: user.id,
				displayName: user.displayName,
				initials: initialsOf(user.displayName),
				title: profile.title,
				workplace: profile.workplace,
				background: profile.background,
				languages: profile.languages,
				meetingPlaces: profile.meetingPlaces,
				availability: profile.availability,
				capacity: profile.capacity,
				load,
				full: load >= profile.capacity
			};
		})
		.sort((a, b) => a.displayName.localeCompare(b.displayName, 'da'));
}

/** The guides a young person (or a parent) may choose from, full ones marked as such. */
export function guideDirectory(actor: Actor): GuideListing[] {
	authorizeGlobal(actor, 'guide.directory');
	return listGuides(true);
}

/**
 * The name of an active guide, for the coordinator's list filtered by that guide (`?guide=<id>`);
 * null for anyone else. The list filters by a part of a guide's name otherwise: a large
 * municipality has 1,700 guides, too many for a list on every page.
 */
export function guideName(actor: Actor, guideId: string): string | null {
	authorizeGlobal(actor, 'guide.directory');
	return (
		db()
			.select({ displayName: users.displayName })
			.from(users)
			.where(and(eq(users.id, guideId), eq(users.role, 'guide'), isNull(users.disabledAt)))
			.get()?.displayName ?? null
	);
}

/** Every guide with load and capacity, for the visitation (including invited, unlisted guides). */
export function guidesForVisitation(actor: Actor): GuideListing[] {
	authorizeGlobal(actor, 'visitation.manage');
	return listGuides(false);
}

/** One guide's listing, or null when the id is not an active guide (or not in the directory). */
export function findGuide(guideId: string, listedOnly = false): GuideListing | null {
	return listGuides(listedOnly, guideId)[0] ?? null;
}

/** The young person's guide, with the profile and how to reach them. */
export function currentGuide(actor: Actor, youthId: string): GuideCard | null {
	authorize(actor, 'guide.read', youthId);
	const assignment = currentAssignment(youthId);
	if (!assignment) return null;
	const listing = findGuide(assignment.guideId);
	const contact = db().select({ phone: users.phone, email: users.email }).from(users).where(eq(users.id, assignment.guideId)).get();
	if (!listing || !contact) return null;
	return { ...listing, phone: contact.phone, email: contact.email, since: assignment.startedAt };
}

export interface Assignment {
	youthId: string;
	guideId: string;
	/** Null: the command-line import. */
	assignedBy: string | null;
	/** The request the visitation decided; null for a hand-over or an import. */
	requestId: string | null;
	overrideReason: string | null;
	/** The former guide left and the coordinator handed the young person on (news for them on /guide). */
	handover?: boolean;
	now: Date;
}

/**
 * Ends the young person's current assignment and starts the new one, inside the caller's
 * transaction. The old conversation is closed: a new guide does not inherit it (docs/product.md rule 8).
 */
export function assignGuide(tx: Tx, a: Assignment) {
	tx.update(guideAssignments)
		.set({ endedAt: a.now })
		.where(and(eq(guideAssignments.youthId, a.youthId), isNull(guideAssignments.endedAt)))
		.run();
	tx.update(messageThreads)
		.set({ closedAt: a.now })
		.where(and(eq(messageThreads.youthId, a.youthId), isNull(messageThreads.closedAt)))
		.run();
	tx.insert(guideAssignments)
		.values({
			id: newId(),
			youthId: a.youthId,
			guideId: a.guideId,
			startedAt: a.now,
			assignedBy: a.assignedBy,
			requestId: a.requestId,
			overrideReason: a.overrideReason,
			handover: a.handover ?? false
		})
		.run();
}

/**
 * Ends the young person's assignment without a new guide (their guide left, and the coordinator
 * sent them back to the visitation): the youth unit answers them meanwhile. The old conversation
 * is closed, as with any change of guide (docs/product.md rule 8).
 */
export function releaseGuide(tx: Tx, youthId: string, now: Date) {
	tx.update(guideAssignments)
		.set({ endedAt: now, handover: true, seenByYouthAt: null })
		.where(and(eq(guideAssignments.youthId, youthId), isNull(guideAssignments.endedAt)))
		.run();
	tx.update(messageThreads)
		.set({ closedAt: now })
		.where(and(eq(messageThreads.youthId, youthId), isNull(messageThreads.closedAt)))
		.run();
}

/**
 * A proposed person accepted their guide invite: they become the young person's guide, unless
 * a later decision has given the young person another guide in the meantime.
 */
export function startInvitedGuide(tx: Tx, inviteId: string, guideId: string, now: Date) {
	const request = tx
		.select()
		.from(guideRequests)
		.where(and(eq(guideRequests.inviteId, inviteId), eq(guideRequests.status, 'approved')))
		.get();
	if (!request || !request.decidedAt || !request.decidedBy) return;
	const current = currentAssignment(request.youthId, tx);
	if (current && current.startedAt.getTime() > request.decidedAt.getTime()) return;
	assignGuide(tx, {
		youthId: request.youthId,
		guideId,
		assignedBy: request.decidedBy,
		requestId: request.id,
		overrideReason: null,
		now
	});
	tx.update(guideRequests).set({ seenByYouthAt: null, updatedAt: now }).where(eq(guideRequests.id, request.id)).run();
	tx.insert(guideRequestEvents)
		.values({ id: newId(), requestId: request.id, actorId: guideId, action: 'invite_accepted', guideId, createdAt: now })
		.run();
}

/**
 * An imported caseload's guide (admin/, the coordinator's import): assigned, the one way
 * (`assignGuide`), unless it is the young person's guide already. In the caller's transaction;
 * the admin part has checked the actor and that the guide is an active guide.
 */
export function importAssignment(tx: Tx, youthId: string, guideId: string, actorId: string | null, now: Date): boolean {
	if (currentAssignment(youthId, tx)?.guideId === guideId) return false;
	assignGuide(tx, { youthId, guideId, assignedBy: actorId, requestId: null, overrideReason: null, now });
	return true;
}
