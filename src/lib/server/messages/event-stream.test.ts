/**
 * Integration: the live stream over real HTTP connections. A small node:http server serves
 * `openEventStream` (the same function /api/events uses) and the test reads it like a browser's
 * EventSource does, with Last-Event-ID on reconnect.
 */
import { createServer, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { and, eq, gt } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser, freshDemoDatabase } from '../testing';
import { openEventStream, parseEventId } from './event-stream';
import { latestEventId } from './conversations';
import { markRead, sendMessage, setMessageRateLimit } from './send';
import { closeAllStreams, openStreamCount } from './events';
import { createSession, invalidateSession } from '../auth';
import type { Db } from '../db';
import { accessLog } from '../db/schema';
import type { SessionUser } from '../auth';

interface SseEvent {
	id: string | null;
	event: string;
	data: string;
}

let database: Db;
let server: Server;
let base: string;
let freja: SessionUser;
let mette: SessionUser;

beforeAll(async () => {
	database = await freshDemoDatabase();
	setMessageRateLimit(100_000);
	freja = demoUser(database, 'freja');
	mette = demoUser(database, 'mette');
	server = createServer((req, res) => {
		const url = new URL(req.url!, 'http://localhost');
		const user = demoUser(database, url.searchParams.get('user')!);
		const since = parseEventId((req.headers['last-event-id'] as string | undefined) ?? url.searchParams.get('since'));
		const window = url.searchParams.get('logWindow');
		const stream = openEventStream(user, {
			sessionId: url.searchParams.get('session'),
			since,
			heartbeatMs: 200,
			...(window ? { readLogWindowMs: Number(window) } : {})
		});
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
		res.flushHeaders();
		const body = Readable.fromWeb(stream as import('node:stream/web').ReadableStream);
		body.pipe(res);
		res.on('close', () => body.destroy());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	closeAllStreams();
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

/** A client of the stream: collects parsed events; `next` waits for one that matches. */
function connect(query: string, lastEventId?: string) {
	const controller = new AbortController();
	const events: SseEvent[] = [];
	const waiters: Array<{ test: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }> = [];
	let ended = false;
	const headers: Record<string, string> = lastEventId ? { 'last-event-id': lastEventId } : {};
	const finished = (async () => {
		const res = await fetch(`${base}/events?${query}`, { headers, signal: controller.signal });
		const decoder = new TextDecoder();
		let buffer = '';
		try {
			for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
				buffer += decoder.decode(chunk, { stream: true });
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const e: SseEvent = { id: null, event: 'message', data: '' };
					let hasData = false;
					for (const line of block.split('\n')) {
						const [field, ...rest] = line.split(': ');
						if (field === 'id') e.id = rest.join(': ');
						else if (field === 'event') e.event = rest.join(': ');
						else if (field === 'data') {
							e.data = rest.join(': ');
							hasData = true;
						}
					}
					if (!hasData) continue;
					events.push(e);
					for (const w of [...waiters]) {
						if (!w.test(e)) continue;
						waiters.splice(waiters.indexOf(w), 1);
						w.resolve(e);
					}
				}
			}
		} catch (err) {
			if ((err as Error).name !== 'AbortError') throw err;
		}
		ended = true;
	})();
	return {
		events,
		finished,
		get ended() {
			return ended;
		},
		next(test: (e: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
			const found = events.find(test);
			if (found) return Promise.resolve(found);
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error('no matching event in time')), timeoutMs);
				waiters.push({
					test,
					resolve: (e) => {
						clearTimeout(timer);
						resolve(e);
					}
				});
			});
		},
		close: () => controller.abort()
	};
}

const bodyOf = (e: SseEvent) => (e.event === 'message' ? (JSON.parse(e.data).message.body as string) : null);
const messageEvents = (events: SseEvent[]) => events.filter((e) => e.event === 'message');
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

describe('the live stream', () => {
	it('delivers each message to the other party quickly (200 sends; median and p95 printed)', async () => {
		const stream = connect(`user=mette&since=${latestEventId()}`);
		await stream.next((e) => e.event === 'unread');
		const times: number[] = [];
		for (let i = 0; i < 200; i++) {
			const body = `Besked nummer ${i}`;
			const started = performance.now();
			const sent = await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body });
			expect(sent.ok).toBe(true);
			await stream.next((e) => bodyOf(e) === body);
			times.push(performance.now() - started);
		}
		stream.close();
		const sorted = [...times].sort((a, b) => a - b);
		const median = quantile(sorted, 0.5);
		const p95 = quantile(sorted, 0.95);
		console.log(`delivery send → received on another connection, 200 messages: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
		// Every message arrived exactly once, in order.
		const seqs = messageEvents(stream.events).map((e) => JSON.parse(e.data).message.seq as number);
		expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => seqs[0]! + i));
		// Live means well under a second, even on a busy shared machine (typically ~15 ms here).
		expect(p95).toBeLessThan(1000);
	}, 120_000);

	it('catches up after a dropped connection from Last-Event-ID, with no gap and no repeat', async () => {
		const first = connect(`user=mette&since=${latestEventId()}`);
		await first.next((e) => e.event === 'unread');
		for (let i = 0; i < 4; i++) await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body: `Før ${i}` });
		const fromMette = await sendMessage(mette, freja.id, { clientId: crypto.randomUUID(), body: 'Før 4' });
		await first.next((e) => bodyOf(e) === 'Før 4');
		first.close();
		await first.finished;
		const lastSeen = first.events.filter((e) => e.id).at(-1)!.id!;

		// While Mette is away: Freja reads Mette's message and writes five more.
		if (!fromMette.ok) throw new Error('not sent');
		markRead(freja, fromMette.message.threadId, fromMette.message.seq);
		for (let i = 0; i < 5; i++) await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body: `Under afbrydelsen ${i}` });

		const second = connect('user=mette', lastSeen);
		await second.next((e) => bodyOf(e) === 'Under afbrydelsen 4');
		await second.next((e) => e.event === 'unread');
		second.close();
		const bodies = [...messageEvents(first.events), ...messageEvents(second.events)].map(bodyOf);
		expect(bodies).toEqual([
			...Array.from({ length: 5 }, (_, i) => `Før ${i}`),
			...Array.from({ length: 5 }, (_, i) => `Under afbrydelsen ${i}`)
		]);
		const ids = [...first.events, ...second.events].filter((e) => e.id).map((e) => Number(e.id));
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		// Freja's read mark came through, after the messages it covers.
		expect(second.events.some((e) => e.event === 'read' && JSON.parse(e.data).side === 'youth')).toBe(true);
	});

	it('tells the sender when the message reached the other party and when it was read', async () => {
		const frejaStream = connect(`user=freja&since=${latestEventId()}`);
		const metteStream = connect(`user=mette&since=${latestEventId()}`);
		await Promise.all([frejaStream.next((e) => e.event === 'unread'), metteStream.next((e) => e.event === 'unread')]);
		const sent = await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body: 'Kan du se den?' });
		if (!sent.ok) throw new Error('not sent');
		const seq = sent.message.seq;
		await frejaStream.next((e) => e.event === 'delivered' && JSON.parse(e.data).side === 'staff' && JSON.parse(e.data).seq === seq);
		markRead(mette, sent.message.threadId, seq);
		await frejaStream.next((e) => e.event === 'read' && JSON.parse(e.data).side === 'staff' && JSON.parse(e.data).seq === seq);
		// Mette's unread count went up and back to zero.
		await metteStream.next(
			(e) =>
				e.event === 'unread' &&
				JSON.parse(e.data).count === 0 &&
				metteStream.events.some((x) => x.event === 'unread' && JSON.parse(x.data).count > 0)
		);
		frejaStream.close();
		metteStream.close();
	});

	it('lets writes in other conversations pass by, and then sends what comes in its own', async () => {
		const amina = demoUser(database, 'amina');
		const jonasStream = connect(`user=jonas&since=${latestEventId()}`);
		await jonasStream.next((e) => e.event === 'unread');
		// Freja and Mette write: Jonas's stream wakes each time and has nothing to send.
		for (let i = 0; i < 5; i++) await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body: `Ikke til Jonas ${i}` });
		await sendMessage(mette, freja.id, { clientId: crypto.randomUUID(), body: 'Heller ikke til Jonas' });
		await new Promise((r) => setTimeout(r, 100));
		const sent = await sendMessage(amina, amina.id, { clientId: crypto.randomUUID(), body: 'Hej Jonas' });
		if (!sent.ok) throw new Error('not sent');
		await jonasStream.next((e) => bodyOf(e) === 'Hej Jonas');
		await jonasStream.next((e) => e.event === 'unread' && JSON.parse(e.data).count > 0);
		jonasStream.close();
		expect(messageEvents(jonasStream.events).map(bodyOf)).toEqual(['Hej Jonas']);
		// Everything Jonas got is about Amina's conversation.
		expect(jonasStream.events.filter((e) => e.id).map((e) => JSON.parse(e.data).youthId)).toEqual(
			jonasStream.events.filter((e) => e.id).map(() => amina.id)
		);
	});

	it('logs what staff read in the stream once per young person and time window, not once per event', async () => {
		const amina = demoUser(database, 'amina');
		const reads = (actor: SessionUser, since: number) =>
			database
				.select({ youthId: accessLog.youthId, resource: accessLog.resource })
				.from(accessLog)
				.where(and(eq(accessLog.actorId, actor.id), gt(accessLog.createdAt, new Date(since))))
				.all();
		const started = Date.now() - 1;
		const stream = connect(`user=mette&since=${latestEventId()}`);
		await stream.next((e) => e.event === 'unread');
		for (let i = 0; i < 3; i++) await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body: `Logget én gang ${i}` });
		await stream.next((e) => bodyOf(e) === 'Logget én gang 2');
		stream.close();
		// Three messages (and their delivered marks) to Mette: one read of Freja's messages.
		expect(reads(mette, started)).toEqual([{ youthId: freja.id, resource: 'messages' }]);

		// Once the window has passed, the next event is a new read.
		const windowed = Date.now() - 1;
		const short = connect(`user=mette&since=${latestEventId()}&logWindow=150`);
		await short.next((e) => e.event === 'unread');
		await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body: 'Første vindue' });
		await short.next((e) => bodyOf(e) === 'Første vindue');
		await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body: 'Samme vindue' });
		await short.next((e) => bodyOf(e) === 'Samme vindue');
		await new Promise((r) => setTimeout(r, 200));
		await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body: 'Næste vindue' });
		await short.next((e) => bodyOf(e) === 'Næste vindue');
		short.close();
		expect(reads(mette, windowed)).toHaveLength(2);

		// The young person's own stream is no one else's read.
		const own = Date.now() - 1;
		const aminaStream = connect(`user=amina&since=${latestEventId()}`);
		await aminaStream.next((e) => e.event === 'unread');
		await sendMessage(amina, amina.id, { clientId: crypto.randomUUID(), body: 'Min egen' });
		await aminaStream.next((e) => bodyOf(e) === 'Min egen');
		aminaStream.close();
		expect(
			database
				.select()
				.from(accessLog)
				.where(and(eq(accessLog.youthId, amina.id), gt(accessLog.createdAt, new Date(own))))
				.all()
		).toEqual([]);
	});

	it('sends nothing more once the session has ended, even a message in its own conversation', async () => {
		const { token } = createSession(mette);
		const sessionId = token.split('.')[0]!;
		const stream = connect(`user=mette&session=${sessionId}&since=${latestEventId()}`);
		await stream.next((e) => e.event === 'unread');
		invalidateSession(sessionId);
		await sendMessage(freja, freja.id, { clientId: crypto.randomUUID(), body: 'Efter udlogning' });
		await stream.finished;
		expect(messageEvents(stream.events)).toEqual([]);
	});

	it('keeps at most 4 streams per session and 10 per person: a new one closes the oldest, which is told not to come back', async () => {
		const sessionIds = Array.from({ length: 4 }, () => createSession(mette).token.split('.')[0]!);
		const opened = async (sessionId: string) => {
			const stream = connect(`user=mette&session=${sessionId}`);
			await stream.next((e) => e.event === 'unread');
			return stream;
		};
		const mine = () => openStreamCount({ userId: mette.id });
		const first: ReturnType<typeof connect>[] = [];
		for (let i = 0; i < 4; i++) first.push(await opened(sessionIds[0]!));
		expect(mine()).toBe(4);
		// A fifth stream in the same session: the oldest of that session goes.
		const fifth = await opened(sessionIds[0]!);
		await first[0]!.finished;
		expect(first[0]!.events.some((e) => e.event === 'closed' && JSON.parse(e.data).reason === 'too_many_streams')).toBe(true);
		expect(first.slice(1).map((s) => s.ended)).toEqual([false, false, false]);
		expect(mine()).toBe(4);
		expect(openStreamCount({ sessionId: sessionIds[0]! })).toBe(4);

		// Other sessions of the same person: up to 10 streams in all, then the person's oldest goes.
		const more: ReturnType<typeof connect>[] = [];
		for (let i = 0; i < 6; i++) more.push(await opened(sessionIds[1 + (i % 3)]!));
		expect(mine()).toBe(10);
		const eleventh = await opened(sessionIds[3]!);
		await first[1]!.finished;
		expect(first[1]!.ended).toBe(true);
		expect(mine()).toBe(10);
		// Someone else's streams are not counted against her, nor closed.
		const freja1 = connect('user=freja');
		await freja1.next((e) => e.event === 'unread');
		expect(mine()).toBe(10);
		expect(freja1.ended).toBe(false);

		for (const s of [...first, fifth, ...more, eleventh, freja1]) s.close();
		await Promise.all([...first, fifth, ...more, eleventh, freja1].map((s) => s.finished));
		await expect.poll(() => mine()).toBe(0);
		for (const id of sessionIds) invalidateSession(id);
	});

	it('ends the stream when the session ends, and every stream on shutdown', async () => {
		const { token } = createSession(mette);
		const sessionId = token.split('.')[0]!;
		const withSession = connect(`user=mette&session=${sessionId}`);
		const plain = connect('user=freja');
		await Promise.all([withSession.next((e) => e.event === 'unread'), plain.next((e) => e.event === 'unread')]);
		invalidateSession(sessionId);
		await withSession.finished;
		expect(withSession.ended).toBe(true);
		expect(openStreamCount()).toBe(1);
		process.emit('sveltekit:shutdown' as 'exit', 0);
		await plain.finished;
		expect(plain.ended).toBe(true);
		expect(openStreamCount()).toBe(0);
	});

	it('adds no handler to a stop signal nobody handles (Node exits on it by default)', async () => {
		expect(process.listenerCount('SIGTERM')).toBe(0);
		const stream = connect('user=freja');
		await stream.next((e) => e.event === 'unread');
		expect(process.listenerCount('SIGTERM')).toBe(0);
		closeAllStreams();
		await stream.finished;
	});

	it('ends every stream as soon as the server is told to stop, where the server handles the signal (adapter-node)', async () => {
		// adapter-node's graceful shutdown waits for every connection to end before it tells the app
		// (`sveltekit:shutdown`): a stream left open kept a stopped server up for 30 s.
		const adapterNode = () => undefined;
		process.on('SIGTERM', adapterNode);
		try {
			const first = connect('user=freja');
			const second = connect('user=mette');
			await Promise.all([first.next((e) => e.event === 'unread'), second.next((e) => e.event === 'unread')]);
			process.emit('SIGTERM', 'SIGTERM');
			await Promise.all([first.finished, second.finished]);
			expect([first.ended, second.ended]).toEqual([true, true]);
			expect(openStreamCount()).toBe(0);
		} finally {
			process.off('SIGTERM', adapterNode);
			process.off('SIGTERM', closeAllStreams);
		}
	});
});
