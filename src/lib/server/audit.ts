import { db } from './db';
import { accessLog } from './db/schema';
import type { Actor } from './policy';
import { newId } from './ids';

/**
 * Records that someone other than the young person read their data (DESIGN.md rule 6).
 * The young person's own reads are not logged: the log answers "who has looked at my data".
 */
export function recordAccess(actor: NonNullable<Actor>, youthId: string, resource: string) {
	if (actor.id === youthId) return;
	db()
		.insert(accessLog)
		.values({
			id: newId(),
			youthId,
			actorId: actor.id,
			actorRole: actor.role,
			actorDepartment: actor.department,
			resource,
			createdAt: new Date()
		})
		.run();
}
