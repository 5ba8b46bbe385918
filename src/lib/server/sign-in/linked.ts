/**
 * A person's own linked sign-ins (issue 19): the list on /settings/sign-ins and removing one. A
 * person with no password keeps at least one way in: their last link is not removed.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { db } from '../db';
import { linkedSignIns, users } from '../db/schema';
import { config } from '../config';

export interface LinkedSignInView {
	id: string;
	label: string;
	createdAt: Date;
	lastUsedAt: Date | null;
}

export function listLinkedSignIns(userId: string): { links: LinkedSignInView[]; hasPassword: boolean } {
	const links = db()
		.select({ id: linkedSignIns.id, label: linkedSignIns.label, createdAt: linkedSignIns.createdAt, lastUsedAt: linkedSignIns.lastUsedAt })
		.from(linkedSignIns)
		.where(eq(linkedSignIns.userId, userId))
		.orderBy(asc(linkedSignIns.createdAt))
		.all();
	const user = db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
	return { links, hasPassword: !!user?.passwordHash };
}

export type RemoveProblem = 'gone' | 'last_way_in';

/** Removes one of the person's own links; never the last one of a person with no password. */
export function removeLinkedSignIn(userId: string, linkId: string): { ok: true } | { ok: false; problem: RemoveProblem } {
	if (!linkId || linkId.length > 64) return { ok: false, problem: 'gone' };
	return db().transaction((tx) => {
		const own = and(eq(linkedSignIns.id, linkId), eq(linkedSignIns.userId, userId));
		if (!tx.select({ id: linkedSignIns.id }).from(linkedSignIns).where(own).get()) return { ok: false as const, problem: 'gone' as const };
		const user = tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
		const n = tx.select({ n: count() }).from(linkedSignIns).where(eq(linkedSignIns.userId, userId)).get()?.n ?? 0;
		if (!user?.passwordHash && n <= 1) return { ok: false as const, problem: 'last_way_in' as const };
		tx.delete(linkedSignIns).where(own).run();
		return { ok: true as const };
	});
}

/** Whether the person's profile offers their linked sign-ins: a citizen provider is configured, or they have links. */
export function offersLinkedSignIns(userId: string): boolean {
	if (config.oidc('citizen')) return true;
	return !!db().select({ id: linkedSignIns.id }).from(linkedSignIns).where(eq(linkedSignIns.userId, userId)).limit(1).get();
}
