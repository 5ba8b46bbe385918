/**
 * One Server-Sent Events stream per open tab (/api/events): new messages and delivered/read
 * marks of the conversations the user may see, and the user's unread count.
 *
 * Every event carries its message_events id as the SSE `id`. A browser that reconnects sends the
 * last one back as `Last-Event-ID`, and the stream goes on exactly after it: nothing is missed and
 * nothing comes twice. The unread count is state, not history, so it has no id and is sent on
 * connect and whenever it changes.
 *
 * The stream ends when the session ends (logout, idle or absolute limit), checked on every wake-up
 * and every heartbeat without sliding the session: an open tab does not keep a session alive.
 *
 * Writing a message of the other side onto this stream moves the user's "delivered" mark: the
 * mark means "it reached their device", and handing it to the device's open connection is the
 * one moment the server knows that (a reconnect that missed it gets it again from Last-Event-ID,
 * so an early mark never hides a lost message). A GET writing it is deliberate, in the way reading
 * a plan writes the access log: the client asks for nothing, the server records what it did, the
 * mark only moves forward (a repeated or resumed stream changes nothing more), and another site
 * cannot open the stream with the user's cookie (SameSite=Lax). An acknowledgement posted by the
 * page would cost a request per message and per tab, and code in every page's first download
 * (live.svelte.ts), and would leave a message that arrived shown as only "sent" whenever the
 * acknowledgement itself was lost.
 *
 * It is also ended when the same session or person opens too many (events.ts): the oldest is sent
 * a `closed` event first, so that its page stops reconnecting until the tab is looked at again.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '../db';
import { sessions, users } from '../db/schema';
import { limitsFor, type SessionUser } from '../auth';
import { conversationKey, eventsFor, latestEventId, touchedBetween } from './conversations';
import { unreadCount } from './inbox';
import { markDelivered } from './send';
import { onMessageEvents, trackStream, type CloseReason } from './events';
import { streamReadLog } from './read-log';
import type { Side } from '../../shared/messages';

export interface StreamOptions {
	/** The session the stream belongs to; null only in tests. */
	sessionId: string | null;
	/** The last event id the client saw (Last-Event-ID), or null to start from now. */
	since: number | null;
	heartbeatMs?: number;
	/** How long a young person stays logged as read by this stream (read-log.ts); tests shorten it. */
	readLogWindowMs?: number;
}

/** Reads a Last-Event-ID header or `since` parameter: a whole number ≥ 0, else null. */
export function parseEventId(value: string | null | undefined): number | null {
	if (!value || !/^\d{1,15}$/.test(value)) return null;
	return Number(value);
}

/** True while the session exists and is inside its idle and absolute limits (without touching it). */
export function sessionActive(sessionId: string, now = Date.now()): boolean {
	const row = db()
		.select({ createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt, role: users.role })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.id, sessionId), isNull(users.disabledAt)))
		.get();
	if (!row) return false;
	const limits = limitsFor(row.role);
	return now < row.createdAt.getTime() + limits.absolute && now < row.lastUsedAt.getTime() + limits.idle;
}

const encoder = new TextEncoder();

/**
 * What one wake-up found, shared by every stream it wakes: the newest event id, and whose
 * conversations the new events are in (per starting cursor; streams that keep up share one).
 * Every write wakes every stream, and most of them learn here, without a query of their own,
 * that nothing concerns them.
 */
const news = { wake: -1, latest: 0, touched: new Map<number, Set<string>>() };

function newsFor(wake: number, cursor: number): { latest: number; touched: Set<string> } {
	if (news.wake !== wake) {
		news.wake = wake;
		news.latest = latestEventId();
		news.touched.clear();
	}
	let touched = news.touched.get(cursor);
	if (!touched) {
		touched = touchedBetween(cursor, news.latest);
		news.touched.set(cursor, touched);
	}
	return { latest: news.latest, touched };
}

export function openEventStream(user: SessionUser, options: StreamOptions): ReadableStream<Uint8Array> {
	const latest = latestEventId();
	let cursor = options.since === null ? latest : Math.min(options.since, latest);
	let closed = false;
	let lastUnread: number | null = null;
	const mySide: Side = user.role === 'youth' ? 'youth' : 'staff';
	const logRead = streamReadLog(user, options.readLogWindowMs);
	let cleanup = () => {};

	return new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				if (closed) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					close();
				}
			};
			const close = (reason?: CloseReason) => {
				if (closed) return;
				if (reason === 'too_many_streams') send(`event: closed\ndata: ${JSON.stringify({ reason })}\n\n`);
				if (closed) return;
				closed = true;
				cleanup();
				try {
					controller.close();
				} catch {
					// Already closed by the client.
				}
			};
			const alive = () => options.sessionId === null || sessionActive(options.sessionId);

			const key = conversationKey(user);
			/** Sends what is new; `wake`: woken by a write (absent: on connect). */
			const pull = (wake?: number) => {
				if (closed) return;
				if (wake !== undefined) {
					const { latest, touched } = newsFor(wake, cursor);
					// Nothing new in this person's conversations: nothing to send, no count to ask.
					if (key === null || !touched.has(key)) {
						cursor = Math.max(cursor, latest);
						return;
					}
				}
				if (!alive()) return close();
				const reached = new Map<string, number>();
				let touched = false;
				for (;;) {
					const batch = eventsFor(user, cursor);
					touched ||= batch.touched;
					// Logged before it is sent: what reaches the reader is in the access log.
					logRead(batch.events.map(({ event }) => event.youthId));
					for (const { id, event } of batch.events) {
						send(`id: ${id}\nevent: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`);
						if (event.kind === 'message' && event.message.side !== mySide) {
							reached.set(event.message.threadId, Math.max(reached.get(event.message.threadId) ?? 0, event.message.seq));
						}
					}
					cursor = batch.cursor;
					if (!batch.more) break;
				}
				// The other side's messages have now reached this person's device (see the top).
				for (const [threadId, seq] of reached) markDelivered(user, threadId, seq);
				// Every write wakes every stream; the count is asked again only when something
				// happened in this person's own conversations (and once on connect).
				if (lastUnread !== null && !touched) return;
				const unread = unreadCount(user);
				if (unread !== lastUnread) {
					lastUnread = unread;
					send(`event: unread\ndata: ${JSON.stringify({ count: unread })}\n\n`);
				}
			};

			send('retry: 3000\n\n');
			const stopListening = onMessageEvents(pull);
			const untrack = trackStream(close, { userId: user.id, sessionId: options.sessionId });
			const heartbeat = setInterval(() => {
				if (!alive()) return close();
				send(': ping\n\n');
			}, options.heartbeatMs ?? 25_000);
			cleanup = () => {
				stopListening();
				untrack();
				clearInterval(heartbeat);
			};
			pull();
		},
		cancel() {
			closed = true;
			cleanup();
		}
	});
}
