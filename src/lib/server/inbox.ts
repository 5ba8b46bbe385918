/**
 * The staff's message inboxes and everyone's unread counts. A guide's inbox holds the current
 * conversation with each of their young people; the coordinator's holds the youth unit's
 * conversations with young people who have no guide. Every row is checked with policy.ts.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, max, min, ne, type SQL } from 'drizzle-orm';
import { db } from './db';
import { guideAssignments, messages, messageThreads, users, type MessageThread } from './db/schema';
import { currentGuideId, isCurrent, marksOf, sideOf, threadAccess } from './conversations';
import { can, type Actor } from './policy';
import type { Side } from '../messaging';

export interface InboxEntry {
	youthId: string;
	youthName: string;
	threadId: string | null;
	/** Messages from the young person the staff side has not read. */
	unread: number;
	/** The highest message seq in the thread (to mark as read). */
	lastSeq: number;
	latest: { body: string; side: Side; createdAt: string } | null;
	/** When the oldest message from the young person still without an answer came. */
	waitingSince: string | null;
}

type ThreadRow = Pick<MessageThread, 'id' | 'youthId' | 'guideId' | 'closedAt' | 'lastSeq'>;

/** Messages in the thread from the other side than `side`, after `afterSeq`. */
function countFrom(thread: ThreadRow, side: Side, afterSeq: number): number {
	const fromYouth = eq(messages.senderId, thread.youthId);
	const row = db()
		.select({ n: count() })
		.from(messages)
		.where(
			and(
				eq(messages.threadId, thread.id),
				gt(messages.seq, afterSeq),
				side === 'youth' ? fromYouth : ne(messages.senderId, thread.youthId)
			)
		)
		.get();
	return row?.n ?? 0;
}

/** Unread messages per thread for the reader's side. */
function unreadIn(threads: ThreadRow[], reader: Side): Map<string, number> {
	const marks = marksOf(threads);
	const other: Side = reader === 'youth' ? 'staff' : 'youth';
	return new Map(threads.map((t) => [t.id, countFrom(t, other, marks.get(t.id)![reader].read)]));
}

function waitingSince(thread: ThreadRow): string | null {
	const lastAnswer = db()
		.select({ seq: max(messages.seq) })
		.from(messages)
		.where(and(eq(messages.threadId, thread.id), ne(messages.senderId, thread.youthId)))
		.get();
	const row = db()
		.select({ at: min(messages.createdAt) })
		.from(messages)
		.where(and(eq(messages.threadId, thread.id), eq(messages.senderId, thread.youthId), gt(messages.seq, lastAnswer?.seq ?? 0)))
		.get();
	return row?.at ? new Date(row.at).toISOString() : null;
}

function latestOf(thread: ThreadRow): InboxEntry['latest'] {
	const m = db().select().from(messages).where(eq(messages.threadId, thread.id)).orderBy(desc(messages.seq)).limit(1).get();
	return m ? { body: m.body, side: sideOf(m.senderId, thread.youthId), createdAt: m.createdAt.toISOString() } : null;
}

/** The threads the staff member answers now, and the young people they answer for. */
function staffThreads(actor: NonNullable<Actor>): { youthIds: string[]; threads: ThreadRow[] } {
	let youthIds: string[] = [];
	let where: SQL | undefined;
	if (actor.role === 'guide') {
		youthIds = db()
			.select({ id: guideAssignments.youthId })
			.from(guideAssignments)
			.where(and(eq(guideAssignments.guideId, actor.id), isNull(guideAssignments.endedAt)))
			.all()
			.map((r) => r.id)
			.filter((id) => can(actor, 'messages.read', id));
		where = and(eq(messageThreads.guideId, actor.id), isNull(messageThreads.closedAt));
	} else if (actor.role === 'coordinator') {
		where = and(isNull(messageThreads.guideId), isNull(messageThreads.closedAt), gt(messageThreads.lastSeq, 0));
	}
	if (!where) return { youthIds: [], threads: [] };
	const mayRead = threadAccess(actor);
	const threads = db()
		.select()
		.from(messageThreads)
		.where(where)
		.all()
		.filter((t) => isCurrent(t, currentGuideId(t.youthId)) && mayRead(t));
	if (actor.role === 'coordinator') youthIds = threads.map((t) => t.youthId);
	return { youthIds, threads };
}

/**
 * The staff member's inbox: unread conversations first, then by latest message; young people
 * with no messages yet last (a guide may start the conversation).
 */
export function listInbox(actor: NonNullable<Actor>): InboxEntry[] {
	const { youthIds, threads } = staffThreads(actor);
	if (!youthIds.length) return [];
	const names = new Map(
		db()
			.select({ id: users.id, name: users.displayName })
			.from(users)
			.where(inArray(users.id, youthIds))
			.orderBy(asc(users.displayName))
			.all()
			.map((u) => [u.id, u.name])
	);
	const unread = unreadIn(threads, 'staff');
	const byYouth = new Map(threads.map((t) => [t.youthId, t]));
	const entries = youthIds
		.filter((id) => names.has(id))
		.map((youthId): InboxEntry => {
			const t = byYouth.get(youthId);
			return {
				youthId,
				youthName: names.get(youthId)!,
				threadId: t?.id ?? null,
				unread: t ? unread.get(t.id)! : 0,
				lastSeq: t?.lastSeq ?? 0,
				latest: t ? latestOf(t) : null,
				waitingSince: t ? waitingSince(t) : null
			};
		});
	return entries.sort(
		(a, b) =>
			Number(b.unread > 0) - Number(a.unread > 0) ||
			(b.latest?.createdAt ?? '').localeCompare(a.latest?.createdAt ?? '') ||
			a.youthName.localeCompare(b.youthName, 'da')
	);
}

/** Unread messages for the Beskeder tab (young person) or the staff inbox badge. */
export function unreadCount(actor: NonNullable<Actor>): number {
	if (actor.role === 'youth') {
		const mayRead = threadAccess(actor);
		const threads = db()
			.select()
			.from(messageThreads)
			.where(eq(messageThreads.youthId, actor.id))
			.all()
			.filter((t) => mayRead(t));
		return [...unreadIn(threads, 'youth').values()].reduce((a, b) => a + b, 0);
	}
	const { threads } = staffThreads(actor);
	return [...unreadIn(threads, 'staff').values()].reduce((a, b) => a + b, 0);
}
