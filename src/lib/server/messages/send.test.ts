import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { sendMessage, markRead, setMessageRateLimit, normaliseBody } from './send';
import { openConversation, eventsFor, latestEventId } from './conversations';
import { listInbox, unreadCount } from './inbox';
import { guideAssignments, messages, messageThreads } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import { newId } from '../ids';
import type { Db } from '../db';
import type { SessionUser } from '../auth';

let database: Db;
let u: Record<'freja' | 'noah' | 'amina' | 'mette' | 'jonas' | 'lone' | 'karen' | 'peter' | 'ali' | 'hanne', SessionUser>;
const cid = () => crypto.randomUUID();

beforeEach(async () => {
	database = await freshDemoDatabase();
	setMessageRateLimit(10_000);
	const names = ['freja', 'noah', 'amina', 'mette', 'jonas', 'lone', 'karen', 'peter', 'ali', 'hanne'] as const;
	u = Object.fromEntries(names.map((n) => [n, demoUser(database, n)])) as typeof u;
});

/** Ends the young person's assignment and gives them another guide (or none), as visitation would. */
function reassign(youth: SessionUser, guide: SessionUser | null) {
	const now = new Date();
	database
		.update(guideAssignments)
		.set({ endedAt: now })
		.where(and(eq(guideAssignments.youthId, youth.id), isNull(guideAssignments.endedAt)))
		.run();
	if (guide) database.insert(guideAssignments).values({ id: newId(), youthId: youth.id, guideId: guide.id, startedAt: now }).run();
}

const storedWith = (clientId: string) => database.select().from(messages).where(eq(messages.clientId, clientId)).all();
const messageCount = () => database.select().from(messages).all().length;

describe('sending', () => {
	it('stores the young person’s message after the demo conversation, for the guide to read', async () => {
		const result = await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: '  Hej Mette\r\nSes vi?  ' });
		expect(result.ok && !result.duplicate).toBe(true);
		if (!result.ok) return;
		expect(result.message).toMatchObject({ seq: 4, side: 'youth', body: 'Hej Mette\nSes vi?', senderName: 'Freja Nielsen' });
		const seen = openConversation(u.mette, u.freja.id)!;
		expect(seen.current.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
		expect(seen.current.writable).toBe(true);
	});

	it('stores 50 concurrent sends of one client id once and answers each with the stored message', async () => {
		const clientId = cid();
		const results = await Promise.all(
			Array.from({ length: 50 }, () => sendMessage(u.freja, u.freja.id, { clientId, body: 'Kun én gang' }))
		);
		expect(results.every((r) => r.ok)).toBe(true);
		const ids = new Set(results.map((r) => (r.ok ? r.message.id : null)));
		expect(ids.size).toBe(1);
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
		expect(storedWith(clientId)).toHaveLength(1);
		expect(database.select().from(messageThreads).where(eq(messageThreads.youthId, u.freja.id)).get()!.lastSeq).toBe(4);
	});

	it('answers a later repeat with the stored message and refuses the same id with another text', async () => {
		const clientId = cid();
		const first = await sendMessage(u.freja, u.freja.id, { clientId, body: 'Første' });
		const again = await sendMessage(u.freja, u.freja.id, { clientId, body: 'Første' });
		expect(again).toEqual({ ...first, duplicate: true });
		const changed = await sendMessage(u.freja, u.freja.id, { clientId, body: 'Noget andet' });
		expect(changed).toEqual({ ok: false, error: 'client_id_conflict' });
		const racing = await Promise.all([
			sendMessage(u.freja, u.freja.id, { clientId: 'same-id-racing', body: 'A' }),
			sendMessage(u.freja, u.freja.id, { clientId: 'same-id-racing', body: 'B' })
		]);
		expect(racing.map((r) => (r.ok ? 'ok' : r.error))).toEqual(['ok', 'client_id_conflict']);
		expect(storedWith(clientId).map((m) => m.body)).toEqual(['Første']);
		expect(storedWith('same-id-racing').map((m) => m.body)).toEqual(['A']);
	});

	it('keeps a strict order without gaps when both sides write at once', async () => {
		const sends = Array.from({ length: 40 }, (_, i) =>
			i % 2
				? sendMessage(u.mette, u.freja.id, { clientId: cid(), body: `Mette ${i}` })
				: sendMessage(u.freja, u.freja.id, { clientId: cid(), body: `Freja ${i}` })
		);
		const results = await Promise.all(sends);
		const seqs = results.map((r) => (r.ok ? r.message.seq : -1)).sort((a, b) => a - b);
		expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 4));
		// The event log lists the messages in the same order as their seq.
		const events = eventsFor(u.mette, 0, 1000).events.filter((e) => e.event.kind === 'message');
		const order = events.map((e) => (e.event.kind === 'message' ? e.event.message.seq : 0));
		expect(order).toEqual([...order].sort((a, b) => a - b));
		expect(order).toHaveLength(40);
	});

	it('refuses empty and over-long messages with a clear code and stores nothing', async () => {
		const before = messageCount();
		expect(await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: '' })).toEqual({ ok: false, error: 'empty' });
		expect(await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: ' \n\t ' })).toEqual({ ok: false, error: 'empty' });
		expect(await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: 'x'.repeat(4001) })).toEqual({ ok: false, error: 'too_long' });
		expect(await sendMessage(u.freja, u.freja.id, { clientId: 'short', body: 'Hej' })).toEqual({ ok: false, error: 'invalid_client_id' });
		expect(messageCount()).toBe(before);
		// 4000 characters fit, also when each is an emoji (two UTF-16 units, one character).
		expect((await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: 'x'.repeat(4000) })).ok).toBe(true);
		expect((await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: '🙂'.repeat(4000) })).ok).toBe(true);
		expect(messageCount()).toBe(before + 2);
	});

	it('limits new messages per minute per sender; a repeat of a stored message still gets its answer', async () => {
		setMessageRateLimit(3);
		const firstId = cid();
		for (const clientId of [firstId, cid(), cid()])
			expect((await sendMessage(u.freja, u.freja.id, { clientId, body: 'Hej' })).ok).toBe(true);
		const before = messageCount();
		const refused = await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: 'En for meget' });
		expect(refused).toMatchObject({ ok: false, error: 'rate_limited' });
		expect(!refused.ok && refused.retryAfter! > 0 && refused.retryAfter! <= 60).toBe(true);
		expect(messageCount()).toBe(before);
		expect(await sendMessage(u.freja, u.freja.id, { clientId: firstId, body: 'Hej' })).toMatchObject({ ok: true, duplicate: true });
		// Another sender has their own allowance.
		expect((await sendMessage(u.mette, u.freja.id, { clientId: cid(), body: 'Hej Freja' })).ok).toBe(true);
	});

	it('normalises line breaks so a form post and a JSON send of the same text are equal', () => {
		expect(normaliseBody('a\r\nb\rc\n')).toBe('a\nb\nc');
	});
});

describe('who may read and write', () => {
	it('refuses parents, caseworkers and other guides, even with consent to see the plan', async () => {
		for (const who of [u.karen, u.ali, u.hanne, u.jonas, u.amina, u.peter]) {
			expect(await sendMessage(who, u.freja.id, { clientId: cid(), body: 'Hej' })).toEqual({ ok: false, error: 'not_found' });
			expect(openConversation(who, u.freja.id)).toBeNull();
			expect(eventsFor(who, 0).events).toEqual([]);
		}
		// The coordinator does not read a conversation with a guide.
		expect(openConversation(u.lone, u.freja.id)).toBeNull();
		expect(await sendMessage(u.lone, u.freja.id, { clientId: cid(), body: 'Hej' })).toEqual({ ok: false, error: 'not_found' });
	});

	it('sends a young person without a guide to the youth unit, where the coordinator answers', async () => {
		const sent = await sendMessage(u.noah, u.noah.id, { clientId: cid(), body: 'Hej, jeg har brug for hjælp' });
		expect(sent.ok).toBe(true);
		const thread = database.select().from(messageThreads).where(eq(messageThreads.youthId, u.noah.id)).get()!;
		expect(thread.guideId).toBeNull();
		expect(openConversation(u.noah, u.noah.id)!.current.guideName).toBeNull();
		expect(listInbox(u.lone).map((e) => [e.youthName, e.unread])).toEqual([['Noah Jensen', 1]]);
		expect(unreadCount(u.lone)).toBe(1);
		expect((await sendMessage(u.lone, u.noah.id, { clientId: cid(), body: 'Hej Noah, vi ringer i morgen.' })).ok).toBe(true);
		expect(unreadCount(u.noah)).toBe(1);
		for (const guide of [u.mette, u.jonas]) expect(openConversation(guide, u.noah.id)).toBeNull();
		expect(listInbox(u.mette).some((e) => e.youthId === u.noah.id)).toBe(false);
	});

	it('moves to a new conversation when the guide changes: the old one is read-only and hidden from staff', async () => {
		reassign(u.freja, u.jonas);
		// Before anyone writes, the young person sees the old conversation read-only and an empty new one.
		const waiting = openConversation(u.freja, u.freja.id)!;
		expect(waiting.current).toMatchObject({ id: null, guideName: 'Jonas Berg', writable: true, messages: [] });
		expect(waiting.current.marks).toEqual({ youth: { delivered: 0, read: 0 }, staff: { delivered: 0, read: 0 } });
		expect(waiting.earlier.map((t) => [t.guideName, t.writable, t.messages.length])).toEqual([['Mette Larsen', false, 3]]);
		expect(openConversation(u.jonas, u.freja.id)!.current.messages).toEqual([]);

		const sent = await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: 'Hej Jonas' });
		expect(sent.ok && sent.message.seq).toBe(1);
		const forJonas = openConversation(u.jonas, u.freja.id)!;
		expect(forJonas.current.messages.map((m) => m.body)).toEqual(['Hej Jonas']);
		expect(forJonas.earlier).toEqual([]);
		const forFreja = openConversation(u.freja, u.freja.id)!;
		expect(forFreja.earlier[0]!).toMatchObject({ guideName: 'Mette Larsen', writable: false });
		expect(forFreja.earlier[0]!.closedAt).not.toBeNull();

		// The former guide can neither read nor write, and gets no live events.
		const cursor = latestEventId();
		expect(openConversation(u.mette, u.freja.id)).toBeNull();
		expect(await sendMessage(u.mette, u.freja.id, { clientId: cid(), body: 'Hej igen' })).toEqual({ ok: false, error: 'not_found' });
		expect(listInbox(u.mette).some((e) => e.youthId === u.freja.id)).toBe(false);
		await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: 'Er du der?' });
		expect(eventsFor(u.mette, cursor).events).toEqual([]);
		expect(eventsFor(u.jonas, cursor).events).toHaveLength(1);
		// Nobody can mark the closed thread for the guide, and the old thread stays read-only.
		expect(markRead(u.mette, forFreja.earlier[0]!.id!, 3)).toBe(false);
		expect(forFreja.earlier[0]!.messages).toHaveLength(3);
	});

	it('hides the youth unit’s conversation from the coordinator once a guide is assigned', async () => {
		await sendMessage(u.noah, u.noah.id, { clientId: cid(), body: 'Hej' });
		reassign(u.noah, u.mette);
		expect(openConversation(u.lone, u.noah.id)).toBeNull();
		expect(listInbox(u.lone)).toEqual([]);
		expect(openConversation(u.mette, u.noah.id)!.current.messages).toEqual([]);
		expect(openConversation(u.noah, u.noah.id)!.earlier.map((t) => t.guideName)).toEqual([null]);
	});
});

describe('marks, unread counts and the inbox', () => {
	it('counts unread messages and moves the read mark forward only', async () => {
		expect(unreadCount(u.freja)).toBe(1); // the demo: Mette's last message is unread
		const thread = openConversation(u.freja, u.freja.id)!.current;
		const cursor = latestEventId();
		expect(markRead(u.freja, thread.id!, 99)).toBe(true);
		expect(unreadCount(u.freja)).toBe(0);
		expect(openConversation(u.mette, u.freja.id)!.current.marks.youth).toEqual({ delivered: 3, read: 3 });
		expect(markRead(u.freja, thread.id!, 1)).toBe(true);
		expect(openConversation(u.mette, u.freja.id)!.current.marks.youth.read).toBe(3);
		const seen = eventsFor(u.mette, cursor).events.map((e) => e.event);
		expect(seen).toEqual([{ kind: 'read', youthId: u.freja.id, threadId: thread.id, side: 'youth', seq: 3 }]);
	});

	it('lists the guide’s young people with unread first and the waiting time', async () => {
		reassign(u.amina, u.mette);
		await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: 'Første spørgsmål' });
		const firstWaiting = openConversation(u.mette, u.freja.id)!.current.messages.at(-1)!.createdAt;
		await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: 'Andet spørgsmål' });
		let inbox = listInbox(u.mette);
		expect(inbox.map((e) => [e.youthName, e.unread])).toEqual([
			['Freja Nielsen', 2],
			['Amina Hassan', 0]
		]);
		expect(inbox[0]!.waitingSince).toBe(firstWaiting);
		expect(inbox[0]!.latest).toMatchObject({ body: 'Andet spørgsmål', side: 'youth' });
		expect(unreadCount(u.mette)).toBe(2);

		// A reply ends the wait and counts as having read.
		await sendMessage(u.mette, u.freja.id, { clientId: cid(), body: 'Svar' });
		inbox = listInbox(u.mette);
		expect(inbox[0]).toMatchObject({ youthName: 'Freja Nielsen', unread: 0, waitingSince: null });
		expect(unreadCount(u.mette)).toBe(0);

		// Amina writes: she comes first, unread; marking her thread read puts the newest first.
		await sendMessage(u.amina, u.amina.id, { clientId: cid(), body: 'Hej Mette' });
		inbox = listInbox(u.mette);
		expect(inbox.map((e) => [e.youthName, e.unread])).toEqual([
			['Amina Hassan', 1],
			['Freja Nielsen', 0]
		]);
		expect(markRead(u.mette, inbox[0]!.threadId!, inbox[0]!.lastSeq)).toBe(true);
		expect(unreadCount(u.mette)).toBe(0);
		expect(listInbox(u.jonas)).toEqual([]);
	});
});
