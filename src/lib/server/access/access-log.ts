import { sql } from 'drizzle-orm';
import { db, type Db } from '../db';
import { accessLog } from '../db/schema';
import type { Actor } from './rules';
import { newId } from '../ids';

/**
 * The access log's one INSERT, prepared once per database: staff lists log a read for every
 * young person on them, and Drizzle building a fresh INSERT each time cost more than the write.
 */
const prepared = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

function prepareInsert(database: Db) {
	return database
		.insert(accessLog)
		.values({
			id: sql.placeholder('id'),
			youthId: sql.placeholder('youthId'),
			actorId: sql.placeholder('actorId'),
			actorRole: sql.placeholder('actorRole'),
			actorDepartment: sql.placeholder('actorDepartment'),
			resource: sql.placeholder('resource'),
			createdAt: sql.placeholder('createdAt')
		})
		.prepare();
}

function insertAccess(actor: NonNullable<Actor>, youthId: string, resource: string, at: Date) {
	const database = db();
	let insert = prepared.get(database);
	if (!insert) {
		insert = prepareInsert(database);
		prepared.set(database, insert);
	}
	insert.run({
		id: newId(),
		youthId,
		actorId: actor.id,
		actorRole: actor.role,
		actorDepartment: actor.department,
		resource,
		createdAt: at
	});
}

/**
 * Records that someone other than the young person read their data (docs/product.md rule 6).
 * The young person's own reads are not logged: the log answers "who has looked at my data".
 */
export function recordAccess(actor: NonNullable<Actor>, youthId: string, resource: string) {
	if (actor.id === youthId) return;
	insertAccess(actor, youthId, resource, new Date());
}

/**
 * Records one read of each young person's data (a staff member's list): one transaction, so a
 * list of sixty young people costs one write to disk, not sixty.
 */
export function recordAccesses(actor: NonNullable<Actor>, youthIds: readonly string[], resource: string) {
	const others = youthIds.filter((youthId) => youthId !== actor.id);
	if (!others.length) return;
	const at = new Date();
	db().transaction(() => {
		for (const youthId of others) insertAccess(actor, youthId, resource, at);
	});
}
