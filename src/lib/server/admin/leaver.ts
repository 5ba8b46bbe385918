/**
 * A leaver (issue 15): the coordinator disables a staff account. Their sessions end at once.
 * A guide's young people are handed over first, each to a new guide (or all to one, or back to
 * the visitation's queue); each young person sees the change on /guide and gets a notice. The
 * last active coordinator cannot be disabled, nor can a coordinator disable themselves. Nothing
 * is deleted: the account stays, disabled, with its history.
 */
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';
import { authorizeGlobal, type Actor } from '../access';
import { invalidateUserSessions } from '../auth';
import { handOver, handoverView, TO_QUEUE, type HandoverProblem } from '../guides';
import type { HandoverView } from '../../shared/guides';
import { notifyGuideChanged } from '../push';
import { audit } from './audit';
import type { DisableProblem } from '../../shared/admin';
import { activeCoordinators, staffRow } from './staff';

export { TO_QUEUE };

export type DisableResult =
	| { ok: true; handedOver: number }
	| { ok: false; problem: DisableProblem; handover?: Record<string, HandoverProblem> };

/** The leaving guide's young people and requests, and the guides who can take them on. */
export function leaverHandover(actor: Actor, userId: string): HandoverView | null {
	authorizeGlobal(actor, 'staff.manage');
	const row = staffRow(userId);
	if (!row || row.user.role !== 'guide' || row.user.disabledAt) return null;
	return handoverView(actor, userId);
}

/**
 * Disables a staff account. `choices` names, for each of a guide's young people, a guide's id or
 * TO_QUEUE; `all` (when given) is the choice for every one of them. Returns null when the id is
 * not a staff account.
 */
export function disableStaff(
	actor: Actor,
	userId: string,
	choices: { all: string; each: ReadonlyMap<string, string> },
	now = new Date()
): DisableResult | null {
	authorizeGlobal(actor, 'staff.manage');
	let notify: string[] = [];
	const result = db().transaction((tx): DisableResult | null => {
		const row = staffRow(userId, tx);
		if (!row) return null;
		const { user } = row;
		if (user.disabledAt) return { ok: false, problem: 'disabled' };
		if (user.id === actor.id) return { ok: false, problem: 'self' };
		if (user.role === 'coordinator' && activeCoordinators(tx) <= 1) return { ok: false, problem: 'last_coordinator' };
		let handedOver = 0;
		if (user.role === 'guide') {
			const view = handoverView(actor, user.id);
			const chosen = new Map(view.youth.map((y) => [y.id, choices.all || (choices.each.get(y.id) ?? '')]));
			const outcome = handOver(tx, actor, user.id, chosen, now);
			if (!outcome.ok) return { ok: false, problem: 'handover', handover: outcome.problems };
			notify = outcome.notify;
			handedOver = view.youth.length;
		}
		tx.update(users).set({ disabledAt: now }).where(eq(users.id, user.id)).run();
		audit(tx, {
			userId: user.id,
			actorId: actor.id,
			action: 'disabled',
			changes: { disabledAt: { before: null, after: now.toISOString() }, ...(handedOver ? { handedOver: { before: handedOver, after: 0 } } : {}) },
			now
		});
		// Every session ends now (the next request of an open tab goes to the login).
		invalidateUserSessions(user.id);
		return { ok: true, handedOver };
	});
	if (result?.ok && notify.length) void notifyGuideChanged(notify);
	return result;
}
