/**
 * Sending messages and moving the delivered/read marks (docs/product.md rule 8: never lost, never
 * doubled).
 *
 * - The client makes each message's id (`clientId`). The same id sent again (a retry, a double
 *   tap, a replay from an offline queue) is stored once and answered with the stored message;
 *   the same id with another text is refused. The database's unique index (sender, clientId)
 *   is the last guard; inside one process, concurrent sends of one id share one attempt.
 * - Messages in a thread get a strict order (seq 1, 2, 3 …) inside an IMMEDIATE transaction, so
 *   writers in other processes queue behind it.
 * - Limits: 1–4000 characters and MESSAGES_PER_MINUTE new messages per sender per minute
 *   (rate-limiter-flexible); a refused message stores nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import { db, prepareOnce, type Tx } from '../db';
import { messageAttachments, messageEvents, messageReads, messages, messageThreads, type Message, type MessageThread } from '../db/schema';
import { newId } from '../ids';
import { can, currentGuideId, type Actor } from '../access';
import { isCurrent, messageView, threadAccess } from './conversations';
import { notifyMessageEvents } from './events';
import { notifyNewMessage } from '../push';
import { cleanFileName, discardAttachment, prepareAttachment, type IncomingFile, type PreparedAttachment } from '../attachments';
import {
	characterCount,
	CLIENT_ID_PATTERN,
	MESSAGE_MAX_LENGTH,
	MESSAGES_PER_MINUTE,
	type MessageView,
	type SendError
} from '../../shared/messages';

/** What a send asks for; validated here, whether it came as JSON or from a form. */
export const sendInput = z.object({
	clientId: z.string(),
	// Longer texts are refused by sendMessage with "too_long"; this only bounds the work.
	body: z.string().max(200_000)
});
export type SendInput = z.infer<typeof sendInput>;

export type SendResult = { ok: true; message: MessageView; duplicate: boolean } | { ok: false; error: SendError; retryAfter?: number };

let limiter = new RateLimiterMemory({ keyPrefix: 'messages', points: MESSAGES_PER_MINUTE, duration: 60 });

/** For tests: another limit per minute. */
export function setMessageRateLimit(perMinute: number) {
	limiter = new RateLimiterMemory({ keyPrefix: 'messages', points: perMinute, duration: 60 });
}

/** The text as stored: line breaks as \n, no blank space around it. */
export function normaliseBody(body: string): string {
	return body.replace(/\r\n?/g, '\n').trim();
}

/** Sends under way in this process, by sender and client id: a second one waits for the first. */
const inFlight = new Map<string, { youthId: string; body: string; attempt: Promise<SendResult> }>();

/*
 * Built once (issue 23): what every send and every moved mark runs. They run on the one connection,
 * also inside the send's IMMEDIATE transaction.
 */
const storedByClientId = prepareOnce((database) =>
	database
		.select({ message: messages, youthId: messageThreads.youthId })
		.from(messages)
		.innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
		.where(and(eq(messages.senderId, sql.placeholder('senderId')), eq(messages.clientId, sql.placeholder('clientId'))))
		.prepare()
);

const openThreadOf = prepareOnce((database) =>
	database
		.select()
		.from(messageThreads)
		.where(and(eq(messageThreads.youthId, sql.placeholder('youthId')), sql`${messageThreads.closedAt} is null`))
		.prepare()
);

const threadById = prepareOnce((database) =>
	database
		.select()
		.from(messageThreads)
		.where(eq(messageThreads.id, sql.placeholder('id')))
		.prepare()
);

const insertMessage = prepareOnce((database) =>
	database
		.insert(messages)
		.values({
			id: sql.placeholder('id'),
			threadId: sql.placeholder('threadId'),
			senderId: sql.placeholder('senderId'),
			clientId: sql.placeholder('clientId'),
			seq: sql.placeholder('seq'),
			body: sql.placeholder('body'),
			createdAt: sql.placeholder('createdAt')
		})
		.prepare()
);

const setLastSeq = prepareOnce((database) =>
	database
		.update(messageThreads)
		.set({ lastSeq: sql`${sql.placeholder('seq')}` })
		.where(eq(messageThreads.id, sql.placeholder('threadId')))
		.prepare()
);

/** One event: a message stored (`messageId`), or a user's mark moved (`userId`). */
const insertEvent = prepareOnce((database) =>
	database
		.insert(messageEvents)
		.values({
			threadId: sql.placeholder('threadId'),
			kind: sql.placeholder('kind'),
			messageId: sql.placeholder('messageId'),
			userId: sql.placeholder('userId'),
			seq: sql.placeholder('seq'),
			createdAt: sql.placeholder('createdAt')
		})
		.prepare()
);

const marksOfUser = prepareOnce((database) =>
	database
		.select({ deliveredSeq: messageReads.deliveredSeq, readSeq: messageReads.readSeq })
		.from(messageReads)
		.where(and(eq(messageReads.threadId, sql.placeholder('threadId')), eq(messageReads.userId, sql.placeholder('userId'))))
		.prepare()
);

const writeMarks = prepareOnce((database) =>
	database
		.insert(messageReads)
		.values({
			threadId: sql.placeholder('threadId'),
			userId: sql.placeholder('userId'),
			deliveredSeq: sql.placeholder('deliveredSeq'),
			readSeq: sql.placeholder('readSeq'),
			updatedAt: sql.placeholder('updatedAt')
		})
		.onConflictDoUpdate({
			target: [messageReads.threadId, messageReads.userId],
			set: { deliveredSeq: sql`excluded.delivered_seq`, readSeq: sql`excluded.read_seq`, updatedAt: sql`excluded.updated_at` }
		})
		.prepare()
);

function findByClientId(senderId: string, clientId: string): (Message & { youthId: string }) | undefined {
	const row = storedByClientId().get({ senderId, clientId });
	return row && { ...row.message, youthId: row.youthId };
}

/** The answer for a client id that is already stored: the stored message, or a conflict. */
function answerStored(stored: Message & { youthId: string }, youthId: string, body: string): SendResult {
	if (stored.youthId !== youthId || stored.body !== body) return { ok: false, error: 'client_id_conflict' };
	return { ok: true, message: messageView(stored.id)!, duplicate: true };
}

/** The text stored with an attachment sent without one: the file's name (the body is never empty). */
function bodyWithFile(body: string, file: IncomingFile | undefined): string {
	return body || (file ? cleanFileName(file.name, '📎') : '');
}

/**
 * Sends a message from the actor into the young person's current conversation (the young
 * person themselves, their guide, or the coordinator while they have no guide), with a photo
 * or PDF when `file` is given. A message sent again with its client id is answered with the
 * stored one, and its file is not looked at again.
 */
export async function sendMessage(
	actor: NonNullable<Actor>,
	youthId: string,
	input: SendInput,
	now = new Date(),
	file?: IncomingFile
): Promise<SendResult> {
	const clientId = input.clientId;
	if (!CLIENT_ID_PATTERN.test(clientId)) return { ok: false, error: 'invalid_client_id' };
	const body = bodyWithFile(normaliseBody(input.body), file);
	if (!body) return { ok: false, error: 'empty' };
	if (characterCount(body) > MESSAGE_MAX_LENGTH) return { ok: false, error: 'too_long' };
	if (!can(actor, 'messages.send', youthId)) return { ok: false, error: 'not_found' };

	const stored = findByClientId(actor.id, clientId);
	if (stored) return answerStored(stored, youthId, body);

	const key = `${actor.id}:${clientId}`;
	const running = inFlight.get(key);
	if (running) {
		const first = await running.attempt;
		if (!first.ok) return first;
		return running.body === body && running.youthId === youthId
			? { ...first, duplicate: true }
			: { ok: false, error: 'client_id_conflict' };
	}
	const attempt = (async (): Promise<SendResult> => {
		try {
			await limiter.consume(actor.id);
		} catch (e) {
			if (e instanceof RateLimiterRes)
				return { ok: false, error: 'rate_limited', retryAfter: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
			throw e;
		}
		let attachment: PreparedAttachment | undefined;
		if (file) {
			const prepared = await prepareAttachment(file);
			if (!prepared.ok) return prepared;
			attachment = prepared.attachment;
		}
		try {
			const result = store(actor, youthId, clientId, body, now, attachment);
			if (attachment && !(result.ok && !result.duplicate)) discardAttachment(attachment);
			return result;
		} catch (e) {
			if (attachment) discardAttachment(attachment);
			throw e;
		}
	})();
	inFlight.set(key, { youthId, body, attempt });
	try {
		return await attempt;
	} finally {
		inFlight.delete(key);
	}
}

/** The young person's current thread, opened (and the stale one closed) when the guide changed. */
function currentThreadFor(tx: Tx, youthId: string, now: Date): MessageThread {
	const guideId = currentGuideId(youthId);
	const open = openThreadOf().get({ youthId });
	if (open && isCurrent(open, guideId)) return open;
	if (open) tx.update(messageThreads).set({ closedAt: now }).where(eq(messageThreads.id, open.id)).run();
	const thread = { id: newId(), youthId, guideId, createdAt: now, closedAt: null, lastSeq: 0, youthUnread: 0, staffUnread: 0 };
	tx.insert(messageThreads).values(thread).run();
	return thread;
}

function store(
	actor: NonNullable<Actor>,
	youthId: string,
	clientId: string,
	body: string,
	now: Date,
	attachment: PreparedAttachment | undefined
): SendResult {
	let result: SendResult;
	try {
		result = db().transaction(
			(tx) => {
				// Another process may have stored it since we looked.
				const again = findByClientId(actor.id, clientId);
				if (again) return answerStored(again, youthId, body);
				// Asked again inside the transaction: the assignment may have changed meanwhile.
				if (!can(actor, 'messages.send', youthId)) return { ok: false, error: 'not_found' } as const;
				const thread = currentThreadFor(tx, youthId, now);
				const seq = thread.lastSeq + 1;
				const id = newId();
				insertMessage().run({ id, threadId: thread.id, senderId: actor.id, clientId, seq, body, createdAt: now });
				if (attachment)
					tx.insert(messageAttachments)
						.values({ ...attachment, messageId: id, createdAt: now })
						.run();
				setLastSeq().run({ seq, threadId: thread.id });
				insertEvent().run({ threadId: thread.id, kind: 'message', messageId: id, userId: null, seq, createdAt: now });
				// Writing implies having read what came before (the other side is told) and one's own message.
				moveMarks(thread.id, actor.id, seq - 1, seq - 1, now, true);
				moveMarks(thread.id, actor.id, seq, seq, now, false);
				return { ok: true, message: messageView(id)!, duplicate: false } as const;
			},
			{ behavior: 'immediate' }
		);
	} catch (e) {
		// The unique index (sender, clientId) caught a writer we could not see: answer with it.
		const stored = isUniqueViolation(e) ? findByClientId(actor.id, clientId) : undefined;
		if (!stored) throw e;
		result = answerStored(stored, youthId, body);
	}
	if (result.ok && !result.duplicate) afterMessageStored(result.message);
	return result;
}

function isUniqueViolation(e: unknown): boolean {
	return typeof e === 'object' && e !== null && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Called once after each new message is stored (never for a repeated client id), outside the
 * transaction: wakes the live streams. and sends a Web Push to the other side.
 */
export function afterMessageStored(message: MessageView) {
	notifyMessageEvents();
	// Web Push to the other side: only that there is a new message, never its text.
	void notifyNewMessage(message);
}

/**
 * Moves the user's marks in a thread forward (never back) and appends an event for each mark
 * that moved, when `announce` is set. Called inside an IMMEDIATE transaction (a send, a mark).
 */
function moveMarks(threadId: string, userId: string, delivered: number, read: number, now: Date, announce: boolean) {
	const before = marksOfUser().get({ threadId, userId }) ?? { deliveredSeq: 0, readSeq: 0 };
	const next = { deliveredSeq: Math.max(before.deliveredSeq, delivered, read), readSeq: Math.max(before.readSeq, read) };
	if (next.deliveredSeq === before.deliveredSeq && next.readSeq === before.readSeq) return false;
	writeMarks().run({ threadId, userId, ...next, updatedAt: now });
	if (announce && next.deliveredSeq > before.deliveredSeq)
		insertEvent().run({ threadId, kind: 'delivered', messageId: null, userId, seq: next.deliveredSeq, createdAt: now });
	if (announce && next.readSeq > before.readSeq)
		insertEvent().run({ threadId, kind: 'read', messageId: null, userId, seq: next.readSeq, createdAt: now });
	return true;
}

/**
 * Marks the thread as delivered to (or read by) the actor up to `seq` (at most the thread's last
 * message). Returns false if the actor may not read the thread.
 */
function mark(actor: NonNullable<Actor>, threadId: string, seq: number, what: 'delivered' | 'read', now: Date): boolean {
	const thread = threadById().get({ id: threadId });
	if (!thread || !threadAccess(actor)(thread)) return false;
	const upTo = Math.min(Math.max(0, Math.floor(seq)), thread.lastSeq);
	if (upTo === 0) return true;
	const moved = db().transaction(() => moveMarks(threadId, actor.id, upTo, what === 'read' ? upTo : 0, now, true), {
		behavior: 'immediate'
	});
	if (moved) notifyMessageEvents();
	return true;
}

export function markRead(actor: NonNullable<Actor>, threadId: string, seq: number, now = new Date()): boolean {
	return mark(actor, threadId, seq, 'read', now);
}

export function markDelivered(actor: NonNullable<Actor>, threadId: string, seq: number, now = new Date()): boolean {
	return mark(actor, threadId, seq, 'delivered', now);
}
