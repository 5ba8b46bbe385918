/** A person's own passkeys: the list on /settings/passkeys, and removing one of them. */
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../db';
import { passkeys } from '../db/schema';
import { authorizeGlobal, type Actor } from '../access';
import { deviceParts } from '../auth';

export interface PasskeyView {
	id: string;
	browser: string | null;
	system: string | null;
	createdAt: Date;
	lastUsedAt: Date | null;
}

export function listPasskeys(actor: Actor): PasskeyView[] {
	authorizeGlobal(actor, 'passkeys.own');
	return db()
		.select()
		.from(passkeys)
		.where(eq(passkeys.userId, actor.id))
		.orderBy(desc(passkeys.createdAt))
		.all()
		.map((p) => ({ id: p.id, ...deviceParts(p.label || null), createdAt: p.createdAt, lastUsedAt: p.lastUsedAt }));
}

/** Removes one of the actor's own passkeys; false when it is not theirs (or gone). */
export function removePasskey(actor: Actor, id: string): boolean {
	authorizeGlobal(actor, 'passkeys.own');
	if (!id || id.length > 1024) return false;
	return (
		db()
			.delete(passkeys)
			.where(and(eq(passkeys.id, id), eq(passkeys.userId, actor.id)))
			.run().changes === 1
	);
}
