/**
 * The staff's message inboxes and everyone's unread counts. A guide's inbox holds the current
 * conversation with each of their young people; the coordinator's holds the youth unit's
 * conversations with young people who have no guide, and the current conversations of young
 * people whose guide is away today (issue 17). Every row is checked by the access part.
 */
import { and, eq, getTableColumns, gt, isNull, or, sql } from 'drizzle-orm';
import { prepareOnce } from '../db';
import { inJsonIds } from '../db/slices';
import { messages, messageThreads, users, type MessageThread } from '../db/schema';
import { isCurrent, sideOf, threadAccess } from './conversations';
import { danishOrder } from '../people';
import { awayGuideIds, recordAccesses, rule, youthOfGuide, type Actor } from '../access';
import type { InboxEntry } from '../../shared/messages';

type ThreadRow = Pick<MessageThread, 'id' | 'youthId' | 'guideId' | 'closedAt' | 'lastSeq' | 'staffUnread'>;

/*
 * The facts per conversation that a list needs (the latest message, how long the young person has
 * waited) are asked for all conversations of the list in one prepared query each, with
 * the list passed as one JSON parameter (json_each): SQLite then looks each conversation up in
 * the (thread_id, seq) index. Asking once per conversation cost a guide's inbox some 240 queries.
 * The unread messages need no query: each conversation keeps them (db/unread-counts.ts).
 */

/** The list of conversations as one JSON parameter, `[[threadId, youthId], …]`, read as `a`. */
const LIST = sql`json_each(${sql.placeholder('list')}) as a`;
const listOf = (threads: ThreadRow[]) => ({ list: JSON.stringify(threads.map((t) => [t.id, t.youthId])) });

/** When the oldest message from the young person after the staff side's last answer came, per thread. */
const waitingRows = prepareOnce((database) =>
	database
		.select({
			threadId: sql<string>`a.value ->> 0`,
			at: sql<number | null>`(
				select min(m.created_at) from messages m
				where m.thread_id = a.value ->> 0 and m.sender_id = a.value ->> 1 and m.seq > coalesce((
					select max(s.seq) from messages s where s.thread_id = a.value ->> 0 and s.sender_id <> a.value ->> 1
				), 0)
			)`
		})
		.from(LIST)
		.prepare()
);

function waitingSince(threads: ThreadRow[]): Map<string, string> {
	if (!threads.length) return new Map();
	const rows = waitingRows().all(listOf(threads));
	return new Map(rows.filter((r) => r.at !== null).map((r) => [r.threadId, new Date(r.at!).toISOString()]));
}

/** The latest message of each thread (threads without messages are left out). */
const latestRows = prepareOnce((database) =>
	database
		.select({
			threadId: messages.threadId,
			youthId: sql<string>`a.value ->> 1`,
			senderId: messages.senderId,
			body: messages.body,
			createdAt: messages.createdAt
		})
		.from(LIST)
		.innerJoin(
			messages,
			sql`${messages.threadId} = a.value ->> 0 and ${messages.seq} = (select max(l.seq) from messages l where l.thread_id = a.value ->> 0)`
		)
		.prepare()
);

function latestOf(threads: ThreadRow[]): Map<string, NonNullable<InboxEntry['latest']>> {
	if (!threads.length) return new Map();
	return new Map(
		latestRows()
			.all(listOf(threads))
			.map((m) => [m.threadId, { body: m.body, side: sideOf(m.senderId, m.youthId), createdAt: m.createdAt.toISOString() }])
	);
}

const THREAD_ROW = {
	id: messageThreads.id,
	youthId: messageThreads.youthId,
	guideId: messageThreads.guideId,
	closedAt: messageThreads.closedAt,
	lastSeq: messageThreads.lastSeq,
	staffUnread: messageThreads.staffUnread
};

/** A guide's open conversations. */
const guideThreads = prepareOnce((database) =>
	database
		.select(THREAD_ROW)
		.from(messageThreads)
		.where(and(eq(messageThreads.guideId, sql.placeholder('guideId')), isNull(messageThreads.closedAt)))
		.prepare()
);

/** The youth unit's open conversations with messages: its own, and those of the guides in `away`. */
const unitThreads = prepareOnce((database) =>
	database
		.select(THREAD_ROW)
		.from(messageThreads)
		.where(
			and(
				or(isNull(messageThreads.guideId), inJsonIds(messageThreads.guideId, 'away')),
				isNull(messageThreads.closedAt),
				gt(messageThreads.lastSeq, 0)
			)
		)
		.prepare()
);

const namesOf = prepareOnce((database) =>
	database.select({ id: users.id, name: users.displayName }).from(users).where(inJsonIds(users.id)).prepare()
);

/** The threads the staff member answers now, and the young people they answer for. */
function staffThreads(actor: NonNullable<Actor>): { youthIds: string[]; threads: ThreadRow[] } {
	let assigned: string[] = [];
	let candidates: ThreadRow[];
	if (actor.role === 'guide') {
		assigned = youthOfGuide(actor.id);
		candidates = guideThreads().all({ guideId: actor.id });
	} else if (actor.role === 'coordinator') {
		// The unit's own conversations, and those of guides away today (the policy checks each below).
		candidates = unitThreads().all({ away: JSON.stringify([...awayGuideIds()]) });
	} else return { youthIds: [], threads: [] };
	// The policy's facts for everyone on the list at once.
	const mayRead = threadAccess(actor, [...new Set([...assigned, ...candidates.map((t) => t.youthId)])]);
	const threads = candidates.filter((t) => isCurrent(t, mayRead.guideOf(t.youthId)) && mayRead(t));
	const youthIds =
		actor.role === 'coordinator'
			? threads.map((t) => t.youthId)
			: assigned.filter((id) => rule(actor, 'messages.read', mayRead.relationOf(id)));
	return { youthIds, threads };
}

/**
 * The staff member's inbox: unread conversations first, then by latest message; young people
 * with no messages yet last (a guide may start the conversation).
 */
export function listInbox(actor: NonNullable<Actor>): InboxEntry[] {
	const { youthIds, threads } = staffThreads(actor);
	if (!youthIds.length) return [];
	// The coordinator's rows from an away guide's conversation say whose it is: their names too.
	const guideIds = threads.map((t) => t.guideId).filter((id): id is string => id !== null && id !== actor.id);
	const names = new Map(
		namesOf()
			.all({ ids: JSON.stringify([...new Set([...youthIds, ...guideIds])]) })
			.map((u) => [u.id, u.name])
	);
	const latest = latestOf(threads);
	const waiting = waitingSince(threads);
	const byYouth = new Map(threads.map((t) => [t.youthId, t]));
	const entries = youthIds
		.filter((id) => names.has(id))
		.map((youthId): InboxEntry => {
			const t = byYouth.get(youthId);
			return {
				youthId,
				youthName: names.get(youthId)!,
				threadId: t?.id ?? null,
				unread: t?.staffUnread ?? 0,
				lastSeq: t?.lastSeq ?? 0,
				latest: t ? (latest.get(t.id) ?? null) : null,
				waitingSince: t ? (waiting.get(t.id) ?? null) : null,
				awayGuide: t?.guideId && t.guideId !== actor.id ? (names.get(t.guideId) ?? null) : null
			};
		});
	// The inbox shows each young person's conversation (its latest message, what waits): a read of their messages.
	recordAccesses(
		actor,
		entries.map((e) => e.youthId),
		'messages'
	);
	return entries.sort(
		(a, b) =>
			Number(b.unread > 0) - Number(a.unread > 0) ||
			(b.latest?.createdAt ?? '').localeCompare(a.latest?.createdAt ?? '') ||
			danishOrder(a.youthName, b.youthName)
	);
}

const threadsOfYouth = prepareOnce((database) =>
	database
		.select(getTableColumns(messageThreads))
		.from(messageThreads)
		.where(eq(messageThreads.youthId, sql.placeholder('youthId')))
		.prepare()
);

/** Unread messages for the Beskeder tab (young person) or the staff inbox badge. */
export function unreadCount(actor: NonNullable<Actor>): number {
	if (actor.role === 'youth') {
		const mayRead = threadAccess(actor);
		const threads = threadsOfYouth()
			.all({ youthId: actor.id })
			.filter((t) => mayRead(t));
		return threads.reduce((sum, t) => sum + t.youthUnread, 0);
	}
	// Each side's unread messages are kept on the conversation by triggers (db/unread-counts.ts).
	return staffThreads(actor).threads.reduce((sum, t) => sum + t.staffUnread, 0);
}

const lastMessageRows = prepareOnce((database) =>
	database
		.select({ youthId: messageThreads.youthId, at: messages.createdAt, senderId: messages.senderId })
		.from(messageThreads)
		.innerJoin(messages, and(eq(messages.threadId, messageThreads.id), eq(messages.seq, messageThreads.lastSeq)))
		.where(and(inJsonIds(messageThreads.youthId), isNull(messageThreads.closedAt)))
		.prepare()
);

/**
 * When each young person's current conversation (with their guide, or the youth unit's) last had a
 * message, and whether the young person sent it (so it waits for an answer): for the staff's list,
 * for a page of young people at once. The caller decides who may see it (`messages.read`).
 */
export function lastMessagesOf(youthIds: string[]): Map<string, { at: Date; fromYouth: boolean }> {
	const rows = youthIds.length ? lastMessageRows().all({ ids: JSON.stringify(youthIds) }) : [];
	const last = new Map<string, { at: Date; fromYouth: boolean }>();
	for (const row of rows) {
		const known = last.get(row.youthId);
		if (!known || row.at > known.at) last.set(row.youthId, { at: row.at, fromYouth: row.senderId === row.youthId });
	}
	return last;
}
