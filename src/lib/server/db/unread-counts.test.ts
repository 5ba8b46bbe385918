import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { UNREAD_COUNT_FILL, UNREAD_COUNT_TRIGGERS } from './unread-counts';
import { messageReads, messages, messageThreads } from './schema';
import { demoUser, freshDemoDatabase, migratedTriggers, squash } from '../testing';
import { newId } from '../ids';
import type { Db } from '.';

let db: Db;
beforeEach(async () => {
	db = await freshDemoDatabase();
});

type Kept = Record<string, { youth: number; staff: number }>;

const kept = (): Kept =>
	Object.fromEntries(
		db
			.select({ id: messageThreads.id, youth: messageThreads.youthUnread, staff: messageThreads.staffUnread })
			.from(messageThreads)
			.all()
			.map((t) => [t.id, { youth: t.youth, staff: t.staff }])
	);

/** Each side's unread messages counted here from the rows, as the inbox counted them before. */
function counted(): Kept {
	const threads = db.select().from(messageThreads).all();
	const all = db.select().from(messages).all();
	const reads = db.select().from(messageReads).all();
	return Object.fromEntries(
		threads.map((t) => {
			const marks = reads.filter((r) => r.threadId === t.id);
			const youthMark = Math.max(0, ...marks.filter((r) => r.userId === t.youthId).map((r) => r.readSeq));
			const staffMark = Math.max(0, ...marks.filter((r) => r.userId !== t.youthId).map((r) => r.readSeq));
			const inThread = all.filter((m) => m.threadId === t.id);
			return [
				t.id,
				{
					youth: inThread.filter((m) => m.senderId !== t.youthId && m.seq > youthMark).length,
					staff: inThread.filter((m) => m.senderId === t.youthId && m.seq > staffMark).length
				}
			];
		})
	);
}

/** The counts the triggers kept equal the counts made from the rows, and what a fresh fill makes. */
function expectFresh() {
	const now = kept();
	expect(now).toEqual(counted());
	db.$client.exec(`UPDATE message_threads SET youth_unread = -1, staff_unread = -1; ${UNREAD_COUNT_FILL}`);
	expect(kept()).toEqual(now);
	return now;
}

describe('message_threads.youth_unread and staff_unread', () => {
	it('are made by the migration that added them, with exactly the triggers and the fill written in unread-counts.ts', () => {
		const { migration, triggers } = migratedTriggers(db, 'youth_unread', 'unread_counts_');
		for (const statement of [...UNREAD_COUNT_TRIGGERS, UNREAD_COUNT_FILL]) expect(migration).toContain(squash(statement));
		expect(triggers).toBe(UNREAD_COUNT_TRIGGERS.length);
	});

	it('hold the seed’s unread messages', () => {
		const counts = expectFresh();
		expect(
			Object.values(counts).some((c) => c.youth + c.staff > 0),
			'the demo has unread messages'
		).toBe(true);
	});

	it('follow every message and read mark that is written, moved or removed', () => {
		const freja = demoUser(db, 'freja');
		const mette = demoUser(db, 'mette');
		const lone = demoUser(db, 'lone');
		const thread = db.select().from(messageThreads).where(eq(messageThreads.youthId, freja.id)).get()!;
		const now = new Date();
		let seq = thread.lastSeq;
		const send = (senderId: string) => {
			const id = newId();
			seq += 1;
			db.insert(messages).values({ id, threadId: thread.id, senderId, clientId: newId(), seq, body: 'Hej', createdAt: now }).run();
			return id;
		};
		const read = (userId: string, readSeq: number) =>
			db
				.insert(messageReads)
				.values({ threadId: thread.id, userId, deliveredSeq: readSeq, readSeq, updatedAt: now })
				.onConflictDoUpdate({
					target: [messageReads.threadId, messageReads.userId],
					set: { deliveredSeq: readSeq, readSeq, updatedAt: now }
				})
				.run();
		const here = () => kept()[thread.id]!;

		// Both have read everything; then Freja writes twice and Mette once.
		read(freja.id, seq);
		read(mette.id, seq);
		expect(here()).toEqual({ youth: 0, staff: 0 });
		send(freja.id);
		send(freja.id);
		expect(here()).toEqual({ youth: 0, staff: 2 });
		const fromMette = send(mette.id);
		expect(here()).toEqual({ youth: 1, staff: 2 });
		expectFresh();

		// Mette reads up to Freja's first; the coordinator (another on the staff side) reads further.
		read(mette.id, seq - 2);
		expect(here()).toEqual({ youth: 1, staff: 1 });
		read(lone.id, seq);
		expect(here(), 'the furthest read mark on the staff side counts').toEqual({ youth: 1, staff: 0 });
		// Only the delivered mark moves: nothing read.
		db.update(messageReads)
			.set({ deliveredSeq: seq })
			.where(and(eq(messageReads.threadId, thread.id), eq(messageReads.userId, freja.id)))
			.run();
		expect(here()).toEqual({ youth: 1, staff: 0 });
		expectFresh();

		// The coordinator's mark goes (their account removed), and Mette's message is deleted.
		db.delete(messageReads)
			.where(and(eq(messageReads.threadId, thread.id), eq(messageReads.userId, lone.id)))
			.run();
		expect(here()).toEqual({ youth: 1, staff: 1 });
		db.delete(messages).where(eq(messages.id, fromMette)).run();
		expect(here()).toEqual({ youth: 0, staff: 1 });
		expectFresh();

		// A message moved to another conversation counts there, not here.
		const other = { id: newId(), youthId: demoUser(db, 'noah').id, guideId: null, createdAt: now };
		db.insert(messageThreads).values(other).run();
		const last = db
			.select()
			.from(messages)
			.where(and(eq(messages.threadId, thread.id), eq(messages.seq, seq - 1)))
			.get()!;
		db.update(messages).set({ threadId: other.id, seq: 1 }).where(eq(messages.id, last.id)).run();
		expect(here()).toEqual({ youth: 0, staff: 0 });
		expect(kept()[other.id], 'from Freja: staff-side to Noah').toEqual({ youth: 1, staff: 0 });
		expectFresh();
	});
});
