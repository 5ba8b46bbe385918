/**
 * Losing access (issue 19): a young person or parent who forgot their password or lost their
 * phone gets a new single-use sign-in code from the young person's guide or the coordinator
 * (rule `signIn.reissue`). With it they choose a new password at /invite/<code>.
 *
 * Every session of theirs ends, and every passkey of theirs goes, when the code is MADE, not when
 * it is used: a lost or stolen phone that is still signed in is cut off at once, before the person
 * has found a computer to set the new password on. It costs them nothing they have not lost
 * already. Earlier unused codes of theirs stop working (createSignInCode).
 */
import { and, asc, eq } from 'drizzle-orm';
import { db } from '../db';
import { parentLinks, passkeys, sessions, users } from '../db/schema';
import { authorize, type Actor } from '../access';
import { createSignInCode } from '../auth';

export interface SignInHelpTarget {
	id: string;
	displayName: string;
	role: 'youth' | 'parent';
}

/** Whom the actor may give a new sign-in code on this young person's page: them and their linked parents. */
export function signInHelpTargets(actor: Actor, youthId: string): SignInHelpTarget[] {
	authorize(actor, 'signIn.reissue', youthId);
	const youth = db()
		.select({ id: users.id, displayName: users.displayName, disabledAt: users.disabledAt })
		.from(users)
		.where(and(eq(users.id, youthId), eq(users.role, 'youth')))
		.get();
	if (!youth || youth.disabledAt) return [];
	const parents = db()
		.select({ id: users.id, displayName: users.displayName, disabledAt: users.disabledAt })
		.from(parentLinks)
		.innerJoin(users, eq(users.id, parentLinks.parentId))
		.where(and(eq(parentLinks.youthId, youthId), eq(users.role, 'parent')))
		.orderBy(asc(users.displayName))
		.all()
		.filter((p) => !p.disabledAt);
	return [
		{ id: youth.id, displayName: youth.displayName, role: 'youth' as const },
		...parents.map((p) => ({ id: p.id, displayName: p.displayName, role: 'parent' as const }))
	];
}

/**
 * A new sign-in code for the young person or one of their linked parents (shown once); their
 * sessions end and their passkeys go now. Null when the person is not one of them.
 */
export function issueNewSignInCode(
	actor: Actor,
	youthId: string,
	personId: string,
	now = new Date()
): { code: string; expiresAt: Date; displayName: string; sessionsEnded: number } | null {
	authorize(actor, 'signIn.reissue', youthId);
	const target = signInHelpTargets(actor, youthId).find((t) => t.id === personId);
	if (!target) return null;
	return db().transaction((tx) => {
		const signIn = createSignInCode(target.id, actor.id, now, tx);
		const sessionsEnded = tx.delete(sessions).where(eq(sessions.userId, target.id)).run().changes;
		tx.delete(passkeys).where(eq(passkeys.userId, target.id)).run();
		return { ...signIn, displayName: target.displayName, sessionsEnded };
	});
}
