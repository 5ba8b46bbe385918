/**
 * Issue 17: while a young person's guide is away, the youth unit's inbox (the coordinator's) holds
 * their current conversation too, and the coordinator reads and answers it; before and after the
 * away period the conversation is the guide's alone. The rule itself is tested in
 * access/rules.test.ts; here the inbox, the conversation, sending, the live events and the access log.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { sendMessage, setMessageRateLimit } from './send';
import { eventsFor, latestEventId, openConversation, touchedBetween } from './conversations';
import { listInbox, unreadCount } from './inbox';
import { accessLog, guideProfiles, messageThreads } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import { todayIso } from '../dates';
import type { Db } from '../db';
import type { SessionUser } from '../auth';

let database: Db;
let u: Record<'freja' | 'mette' | 'lone' | 'jonas', SessionUser>;
const cid = () => crypto.randomUUID();

/** A day counted from today in Copenhagen (YYYY-MM-DD). */
const day = (offset: number) => todayIso(new Date(Date.now() + offset * 86_400_000));

function setAway(from: string | null, until: string | null) {
	database
		.update(guideProfiles)
		.set({ awayFrom: from, awayUntil: until, awayText: from ? 'På ferie – skriv til Ungeenheden' : null })
		.where(eq(guideProfiles.userId, u.mette.id))
		.run();
}

const readsBy = (actor: SessionUser, youth: SessionUser) =>
	database
		.select()
		.from(accessLog)
		.where(and(eq(accessLog.actorId, actor.id), eq(accessLog.youthId, youth.id), eq(accessLog.resource, 'messages')))
		.all().length;

beforeEach(async () => {
	database = await freshDemoDatabase();
	setMessageRateLimit(10_000);
	const names = ['freja', 'mette', 'lone', 'jonas'] as const;
	u = Object.fromEntries(names.map((n) => [n, demoUser(database, n)])) as typeof u;
});

describe('while the guide is away, the youth unit answers too', () => {
	it('shows the young person’s message in the coordinator’s inbox, who reads and answers in the guide’s conversation', async () => {
		setAway(day(-1), day(1));
		const cursor = latestEventId();
		const sent = await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: 'Hej, er der nogen?' });
		expect(sent.ok).toBe(true);

		// The live stream wakes the coordinator's, and brings the message.
		expect(touchedBetween(cursor, latestEventId()).has('unit')).toBe(true);
		expect(eventsFor(u.lone, cursor).events.map((e) => e.event.kind)).toContain('message');

		const entry = listInbox(u.lone).find((e) => e.youthId === u.freja.id);
		expect(entry).toMatchObject({ youthName: 'Freja Nielsen', awayGuide: 'Mette Larsen', latest: { body: 'Hej, er der nogen?' } });
		expect(entry!.unread).toBeGreaterThan(0);
		expect(unreadCount(u.lone)).toBeGreaterThan(0);

		const before = readsBy(u.lone, u.freja);
		const conversation = openConversation(u.lone, u.freja.id);
		expect(conversation?.current.writable).toBe(true);
		expect(conversation?.current.guideName).toBe('Mette Larsen');
		expect(conversation?.current.messages.at(-1)?.body).toBe('Hej, er der nogen?');
		// The coordinator's read is on record, as every staff read is.
		expect(readsBy(u.lone, u.freja)).toBe(before + 1);
		// An earlier conversation (none here but the current one) is never opened to the unit.
		expect(conversation?.earlier).toEqual([]);

		const answer = await sendMessage(u.lone, u.freja.id, { clientId: cid(), body: 'Hej Freja, Ungeenheden her.' });
		expect(answer.ok).toBe(true);
		// In mette's conversation, which she finds when she is back; no new thread was opened.
		const threads = database.select().from(messageThreads).where(eq(messageThreads.youthId, u.freja.id)).all();
		expect(threads.filter((t) => t.closedAt === null)).toHaveLength(1);
		expect(threads.find((t) => t.closedAt === null)?.guideId).toBe(u.mette.id);
		setAway(null, null);
		const mettes = openConversation(u.mette, u.freja.id);
		expect(mettes?.current.messages.at(-1)).toMatchObject({
			body: 'Hej Freja, Ungeenheden her.',
			side: 'staff',
			senderName: 'Lone Madsen'
		});
	});

	it('gives the coordinator nothing of the conversation before or after the away period, nor another guide ever', async () => {
		for (const [from, until] of [
			[day(1), day(5)],
			[day(-5), day(-1)],
			[null, null]
		] as const) {
			setAway(from, until);
			const cursor = latestEventId();
			expect((await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: `Til Mette ${from}` })).ok).toBe(true);
			expect(touchedBetween(cursor, latestEventId()).has('unit')).toBe(false);
			expect(eventsFor(u.lone, cursor).events).toEqual([]);
			expect(listInbox(u.lone).map((e) => e.youthId)).not.toContain(u.freja.id);
			expect(openConversation(u.lone, u.freja.id)).toBeNull();
			expect(await sendMessage(u.lone, u.freja.id, { clientId: cid(), body: 'Må ikke komme igennem' })).toEqual({
				ok: false,
				error: 'not_found'
			});
		}
		setAway(day(-1), day(1));
		expect(openConversation(u.jonas, u.freja.id)).toBeNull();
		expect(listInbox(u.jonas).map((e) => e.youthId)).not.toContain(u.freja.id);
	});
});
