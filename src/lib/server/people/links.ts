/** Parent links brought in by an import (admin/, the coordinator's import). */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { parentLinks } from '../db/schema';
import { newId } from '../ids';

/**
 * Links a parent to a young person, or changes whether they hold custody, in the caller's
 * transaction; the admin part has checked the actor (null: the command-line import).
 */
export function importParentLink(
	tx: Tx,
	link: { parentId: string; youthId: string; custody: boolean },
	actorId: string | null,
	now: Date
): 'created' | 'changed' | 'unchanged' {
	const existing = tx
		.select()
		.from(parentLinks)
		.where(and(eq(parentLinks.parentId, link.parentId), eq(parentLinks.youthId, link.youthId)))
		.get();
	if (!existing) {
		tx.insert(parentLinks).values({ id: newId(), ...link, createdBy: actorId, createdAt: now }).run();
		return 'created';
	}
	if (existing.custody === link.custody) return 'unchanged';
	tx.update(parentLinks).set({ custody: link.custody }).where(eq(parentLinks.id, existing.id)).run();
	return 'changed';
}
