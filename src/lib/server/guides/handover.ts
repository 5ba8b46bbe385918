/**
 * A guide leaves (issue 15): before their account is disabled (admin/), the coordinator gives each
 * of their young people a new guide, or sends them back to the visitation's queue. The old
 * conversation is closed as with any change of guide (rule 8); each young person sees the change
 * on /guide, with a mark on Guide until they have. A suggestion of the leaving guide that waits
 * for a young person's answer lapses, and the request goes back to the queue; an open request
 * that wished for them stays in the queue (the wish can no longer be met).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { guideAssignments, guideRequests, users } from '../db/schema';
import { agesOn } from '../dates';
import { authorizeGlobal, type Actor } from '../access';
import { assignGuide, guidesForVisitation, releaseGuide } from './directory';
import type { HandoverView } from '../../shared/guides';
import { queueForNewGuide } from './requests';
import { moveRequest } from './visitation';

/** The choice that sends a young person back to the visitation instead of to a new guide. */
export const TO_QUEUE = 'queue';

function caseloadOf(guideId: string) {
	return db()
		.select({ id: users.id, displayName: users.displayName, birthDate: users.birthDate })
		.from(guideAssignments)
		.innerJoin(users, eq(users.id, guideAssignments.youthId))
		.where(and(eq(guideAssignments.guideId, guideId), isNull(guideAssignments.endedAt)))
		.all();
}

function requestsNaming(guideId: string) {
	const open = db()
		.select()
		.from(guideRequests)
		.where(and(eq(guideRequests.guideId, guideId), eq(guideRequests.status, 'open')))
		.all();
	const suggested = db()
		.select()
		.from(guideRequests)
		.where(and(eq(guideRequests.suggestedGuideId, guideId), eq(guideRequests.status, 'suggested')))
		.all();
	return [...open, ...suggested];
}

/** What the coordinator decides before a guide's account is disabled. */
export function handoverView(actor: Actor, leaverId: string): HandoverView {
	authorizeGlobal(actor, 'staff.manage');
	const ageOf = agesOn();
	const youth = caseloadOf(leaverId)
		.map((y) => ({ id: y.id, displayName: y.displayName, age: ageOf(y.birthDate!) }))
		.sort((a, b) => a.displayName.localeCompare(b.displayName, 'da'));
	const requests = requestsNaming(leaverId);
	const names = new Map(
		requests.length
			? db()
					.select({ id: users.id, displayName: users.displayName })
					.from(users)
					.where(
						inArray(
							users.id,
							requests.map((r) => r.youthId)
						)
					)
					.all()
					.map((u) => [u.id, u.displayName])
			: []
	);
	return {
		youth,
		requests: requests.map((r) => ({ id: r.id, youthName: names.get(r.youthId) ?? '', status: r.status as 'open' | 'suggested' })),
		guides: guidesForVisitation(actor).filter((g) => g.id !== leaverId)
	};
}

export type HandoverProblem = 'choose' | 'guide' | 'full';

export type HandoverResult = { ok: true; notify: string[] } | { ok: false; problems: Record<string, HandoverProblem> };

/**
 * Hands the leaving guide's young people over as chosen (young person's id → a guide's id, or
 * TO_QUEUE), inside the caller's transaction. Every choice is checked first (made, an active
 * guide, room within capacity); with any problem nothing is written. Answers whom to notify.
 */
export function handOver(tx: Tx, actor: Actor, leaverId: string, choices: ReadonlyMap<string, string>, now: Date): HandoverResult {
	authorizeGlobal(actor, 'staff.manage');
	const youth = caseloadOf(leaverId);
	const guides = new Map(guidesForVisitation(actor).map((g) => [g.id, g]));
	const taken = new Map<string, number>();
	const problems: Record<string, HandoverProblem> = {};
	for (const y of youth) {
		const choice = choices.get(y.id) ?? '';
		if (choice === TO_QUEUE) continue;
		const guide = guides.get(choice);
		if (!choice) problems[y.id] = 'choose';
		else if (!guide || guide.id === leaverId) problems[y.id] = 'guide';
		else {
			const load = guide.load + (taken.get(guide.id) ?? 0);
			if (load >= guide.capacity) problems[y.id] = 'full';
			else taken.set(guide.id, (taken.get(guide.id) ?? 0) + 1);
		}
	}
	if (Object.keys(problems).length) return { ok: false, problems };

	const notify: string[] = [];
	for (const y of youth) {
		const choice = choices.get(y.id)!;
		if (choice === TO_QUEUE) {
			releaseGuide(tx, y.id, now);
			queueForNewGuide(tx, y.id, actor.id, now);
		} else {
			assignGuide(tx, { youthId: y.id, guideId: choice, assignedBy: actor.id, requestId: null, overrideReason: null, handover: true, now });
		}
		notify.push(y.id);
	}
	for (const r of requestsNaming(leaverId)) {
		if (r.status !== 'suggested') continue;
		moveRequest(tx, r, { to: 'suggestion_declined', action: 'suggestion_declined', actorId: actor.id, youthSeen: false, now });
		queueForNewGuide(tx, r.youthId, actor.id, now);
		notify.push(r.youthId);
	}
	return { ok: true, notify };
}
