/**
 * Conversations between a young person and their guide (or the youth unit): which thread is the
 * current one, who may see which thread, and reading them.
 *
 * The current conversation always follows the active guide assignment, read from the database
 * on every call: when the guide changes, the old thread becomes read-only for the young person
 * and invisible to staff, and the next message starts a new thread with the new guide (or with
 * the youth unit while the young person has none). Every decision goes through the access part.
 */
import { and, asc, desc, eq, gt, isNull, lte, max, or, sql, type SQL } from 'drizzle-orm';
import { prepareOnce, type Db } from '../db';
import { inJsonIds } from '../db/slices';
import { messageAttachments, messageEvents, messageReads, messages, messageThreads, users, type MessageThread } from '../db/schema';
import {
	awayGuideIds,
	can,
	currentGuideId,
	currentGuideIds,
	recordAccess,
	NO_RELATION,
	relationOf,
	relationsOf,
	threadRule,
	type Actor,
	type Relation
} from '../access';
import type { Conversation, LiveEvent, Marks, MessageView, Side, ThreadView } from '../../shared/messages';

type ThreadRow = Pick<MessageThread, 'id' | 'youthId' | 'guideId' | 'closedAt'>;

/** True for the thread the young person and their present guide (or the unit) write in. */
export function isCurrent(thread: Pick<ThreadRow, 'guideId' | 'closedAt'>, guideId: string | null): boolean {
	return thread.closedAt === null && thread.guideId === guideId;
}

/**
 * Answers "may this actor read (or write in) these threads?" for many threads, gathering the
 * facts once per young person: for the young people named in `youthIds` all at once (a list),
 * for any other as it comes.
 */
export function threadAccess(actor: NonNullable<Actor>, youthIds: readonly string[] = []) {
	const facts = new Map<string, { relation: Relation; guideId: string | null }>();
	if (youthIds.length) {
		const relations = relationsOf(actor, youthIds);
		const guides = currentGuideIds(youthIds);
		for (const id of youthIds) facts.set(id, { relation: relations.get(id) ?? NO_RELATION, guideId: guides.get(id) ?? null });
	}
	const factsOf = (youthId: string) => {
		let f = facts.get(youthId);
		if (!f) {
			f = { relation: relationOf(actor, youthId), guideId: currentGuideId(youthId) };
			facts.set(youthId, f);
		}
		return f;
	};
	const check = (thread: ThreadRow, access: 'read' | 'write' = 'read') => {
		const f = factsOf(thread.youthId);
		return threadRule(actor, access, f.relation, { guideId: thread.guideId, current: isCurrent(thread, f.guideId) });
	};
	/** The young person's present guide (null: the unit), as the check saw it. */
	check.guideOf = (youthId: string) => factsOf(youthId).guideId;
	/** The facts between the actor and the young person, as the check saw them. */
	check.relationOf = (youthId: string) => factsOf(youthId).relation;
	return check;
}

export function sideOf(senderId: string, youthId: string): Side {
	return senderId === youthId ? 'youth' : 'staff';
}

const messageColumns = {
	id: messages.id,
	threadId: messages.threadId,
	clientId: messages.clientId,
	seq: messages.seq,
	senderId: messages.senderId,
	senderName: users.displayName,
	body: messages.body,
	createdAt: messages.createdAt,
	youthId: messageThreads.youthId,
	attachment: {
		id: messageAttachments.id,
		kind: messageAttachments.kind,
		name: messageAttachments.name,
		size: messageAttachments.size,
		width: messageAttachments.width,
		height: messageAttachments.height,
		previewWidth: messageAttachments.previewWidth,
		previewHeight: messageAttachments.previewHeight
	}
};

/** The messages with their sender's name and attachment, from a prepared select over `messageColumns`. */
function buildMessages(database: Db, where: SQL) {
	return database
		.select(messageColumns)
		.from(messages)
		.innerJoin(users, eq(users.id, messages.senderId))
		.innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
		.leftJoin(messageAttachments, eq(messageAttachments.messageId, messages.id))
		.where(where)
		.orderBy(asc(messages.threadId), asc(messages.seq))
		.prepare();
}

// Built once (issue 23): a conversation's page, a send's answer and every live event load messages.
const messageById = prepareOnce((database) => buildMessages(database, eq(messages.id, sql.placeholder('id'))));
const messagesByIds = prepareOnce((database) => buildMessages(database, inJsonIds(messages.id)));
const messagesOfThreads = prepareOnce((database) => buildMessages(database, inJsonIds(messages.threadId)));

type MessageRow = ReturnType<ReturnType<typeof messageById>['all']>[number];

function toViews(rows: MessageRow[]): MessageView[] {
	return rows.map(({ youthId, createdAt, ...m }) => ({ ...m, side: sideOf(m.senderId, youthId), createdAt: createdAt.toISOString() }));
}

/** One stored message as the pages see it. */
export function messageView(messageId: string): MessageView | undefined {
	return toViews(messageById().all({ id: messageId }))[0];
}

/** Built once (issue 23): every page counts the unread messages from these marks. */
const readMarksOf = prepareOnce((database) =>
	database
		.select({
			threadId: messageReads.threadId,
			userId: messageReads.userId,
			deliveredSeq: messageReads.deliveredSeq,
			readSeq: messageReads.readSeq
		})
		.from(messageReads)
		.where(inJsonIds(messageReads.threadId))
		.prepare()
);

/** Both sides' delivered and read marks for each thread (staff: the furthest of them). */
export function marksOf(threads: ThreadRow[]): Map<string, Record<Side, Marks>> {
	const result = new Map<string, Record<Side, Marks>>();
	for (const t of threads) result.set(t.id, { youth: { delivered: 0, read: 0 }, staff: { delivered: 0, read: 0 } });
	if (!threads.length) return result;
	const youthOf = new Map(threads.map((t) => [t.id, t.youthId]));
	const rows = readMarksOf().all({ ids: JSON.stringify(threads.map((t) => t.id)) });
	for (const r of rows) {
		const marks = result.get(r.threadId)![sideOf(r.userId, youthOf.get(r.threadId)!)];
		marks.delivered = Math.max(marks.delivered, r.deliveredSeq);
		marks.read = Math.max(marks.read, r.readSeq);
	}
	return result;
}

const namesOf = prepareOnce((database) =>
	database.select({ id: users.id, name: users.displayName }).from(users).where(inJsonIds(users.id)).prepare()
);

function guideNames(threads: ThreadRow[]): Map<string, string> {
	const ids = [...new Set(threads.map((t) => t.guideId).filter((id): id is string => id !== null))];
	if (!ids.length) return new Map();
	return new Map(
		namesOf()
			.all({ ids: JSON.stringify(ids) })
			.map((u) => [u.id, u.name])
	);
}

/** A young person's conversations, the newest first. */
const threadsOfYouth = prepareOnce((database) =>
	database
		.select()
		.from(messageThreads)
		.where(eq(messageThreads.youthId, sql.placeholder('youthId')))
		.orderBy(desc(messageThreads.createdAt))
		.prepare()
);

/**
 * Opens the young person's conversations for the actor, or null if they may not read them.
 * Staff reads go to the access log.
 */
export function openConversation(actor: NonNullable<Actor>, youthId: string): Conversation | null {
	if (!can(actor, 'messages.read', youthId)) return null;
	const guideId = currentGuideId(youthId);
	const mayRead = threadAccess(actor);
	const threads = threadsOfYouth()
		.all({ youthId })
		.filter((t) => mayRead(t));
	recordAccess(actor, youthId, 'messages');

	const ids = threads.map((t) => t.id);
	const byThread = new Map<string, MessageView[]>();
	for (const m of ids.length ? toViews(messagesOfThreads().all({ ids: JSON.stringify(ids) })) : []) {
		const list = byThread.get(m.threadId) ?? [];
		list.push(m);
		byThread.set(m.threadId, list);
	}
	const marks = marksOf(threads);
	const names = guideNames([...threads, { id: '', youthId, guideId, closedAt: null }]);
	const view = (t: ThreadRow): ThreadView => ({
		id: t.id,
		youthId,
		guideName: t.guideId ? (names.get(t.guideId) ?? null) : null,
		writable: mayRead(t, 'write'),
		closedAt: t.closedAt?.toISOString() ?? null,
		messages: byThread.get(t.id) ?? [],
		marks: marks.get(t.id) ?? { youth: { delivered: 0, read: 0 }, staff: { delivered: 0, read: 0 } }
	});
	const current = threads.find((t) => isCurrent(t, guideId));
	const empty: ThreadRow = { id: '', youthId, guideId, closedAt: null };
	return {
		current: current ? view(current) : { ...view(empty), id: null },
		earlier: threads.filter((t) => t !== current).map(view)
	};
}

// max() of the rowid is one step down the b-tree (a SEARCH in the query plan, not a SCAN).
const latestEvent = prepareOnce((database) =>
	database
		.select({ id: max(messageEvents.id) })
		.from(messageEvents)
		.prepare()
);

/** The newest event's id: where a live stream starts when the client names none. */
export function latestEventId(): number {
	const row = latestEvent().get();
	return row?.id ?? 0;
}

export interface EventBatch {
	events: Array<{ id: number; event: LiveEvent }>;
	/** The last event looked at (also those the actor may not see). */
	cursor: number;
	/** More events wait after this batch. */
	more: boolean;
	/**
	 * Something happened in the actor's conversations (also what the policy then hid): only then
	 * can their unread count have changed.
	 */
	touched: boolean;
}

/**
 * Where an actor's conversations are found by `touchedBetween` (and by `eventsFor`): the young
 * person's own, the guide's, or the youth unit's for the coordinator (with those of guides away
 * today). Null: no conversations.
 */
export function conversationKey(actor: NonNullable<Actor>): string | null {
	if (actor.role === 'youth') return `youth:${actor.id}`;
	if (actor.role === 'guide') return `guide:${actor.id}`;
	return actor.role === 'coordinator' ? 'unit' : null;
}

/*
 * Built once (issue 23), as every open stream asks them on every new event: which conversations
 * the events after `cursor` up to `latest` happened in (below), and those events themselves, at
 * most `limit`, in one actor's conversations: the young person's own, the guide's, or the youth
 * unit's (its own and those of the guides in `away`, one JSON parameter; `eventsOfUnit`).
 */
const touchedRows = prepareOnce((database) =>
	database
		.select({ youthId: messageThreads.youthId, guideId: messageThreads.guideId })
		.from(messageEvents)
		.innerJoin(messageThreads, eq(messageThreads.id, messageEvents.threadId))
		.where(and(gt(messageEvents.id, sql.placeholder('cursor')), lte(messageEvents.id, sql.placeholder('latest'))))
		.prepare()
);

/**
 * Whose conversations the events after `cursor` up to `latest` happened in, as conversation keys:
 * one query for every open stream at once. A stream whose key is not among them has nothing new
 * (it is exactly what `eventsFor` would find, before the policy is asked).
 */
export function touchedBetween(cursor: number, latest: number): Set<string> {
	const keys = new Set<string>();
	if (latest <= cursor) return keys;
	for (const r of touchedRows().all({ cursor, latest })) {
		keys.add(`youth:${r.youthId}`);
		keys.add(r.guideId === null ? 'unit' : `guide:${r.guideId}`);
	}
	// While a guide is away the youth unit answers in their conversations too (issue 17).
	const guides = [...keys].filter((k) => k.startsWith('guide:')).map((k) => k.slice('guide:'.length));
	if (guides.length && awayGuideIds(new Date(), guides).size) keys.add('unit');
	return keys;
}

function buildEvents(database: Db, mine: SQL) {
	return database
		.select({
			id: messageEvents.id,
			kind: messageEvents.kind,
			seq: messageEvents.seq,
			messageId: messageEvents.messageId,
			userId: messageEvents.userId,
			threadId: messageThreads.id,
			youthId: messageThreads.youthId,
			guideId: messageThreads.guideId,
			closedAt: messageThreads.closedAt
		})
		.from(messageEvents)
		.innerJoin(messageThreads, eq(messageThreads.id, messageEvents.threadId))
		.where(and(gt(messageEvents.id, sql.placeholder('cursor')), lte(messageEvents.id, sql.placeholder('latest')), mine))
		.orderBy(asc(messageEvents.id))
		.limit(sql.placeholder('limit'))
		.prepare();
}

const eventsOfYouth = prepareOnce((database) => buildEvents(database, eq(messageThreads.youthId, sql.placeholder('who'))));
const eventsOfGuide = prepareOnce((database) => buildEvents(database, eq(messageThreads.guideId, sql.placeholder('who'))));
const eventsOfUnit = prepareOnce((database) =>
	buildEvents(database, or(isNull(messageThreads.guideId), inJsonIds(messageThreads.guideId, 'away'))!)
);

/** The events in the actor's conversations (before the policy is asked), or null: they have none. */
function eventRows(actor: NonNullable<Actor>, cursor: number, latest: number, limit: number) {
	const window = { cursor, latest, limit };
	if (actor.role === 'youth') return eventsOfYouth().all({ ...window, who: actor.id });
	if (actor.role === 'guide') return eventsOfGuide().all({ ...window, who: actor.id });
	// The threads the youth unit answers in: its own, and those of guides away today (the policy decides each).
	if (actor.role === 'coordinator') return eventsOfUnit().all({ ...window, away: JSON.stringify([...awayGuideIds()]) });
	return null;
}

/**
 * The events after `cursor` that the actor may see now, in order. The policy is asked for each
 * young person on every call, so a changed guide stops the flow at once.
 */
export function eventsFor(actor: NonNullable<Actor>, cursor: number, limit = 200): EventBatch {
	// Read the newest id first: every event up to it is committed (SQLite serialises writers
	// and AUTOINCREMENT never goes back), so the cursor may safely move up to it.
	const latest = latestEventId();
	const rows = latest > cursor ? eventRows(actor, cursor, latest, limit) : null;
	if (!rows) return { events: [], cursor: Math.max(cursor, latest), more: false, touched: false };
	const mayRead = threadAccess(actor);
	const visible = rows.filter((r) => mayRead({ id: r.threadId, youthId: r.youthId, guideId: r.guideId, closedAt: r.closedAt }));
	const messageIds = visible.filter((r) => r.messageId).map((r) => r.messageId!);
	const views = new Map((messageIds.length ? toViews(messagesByIds().all({ ids: JSON.stringify(messageIds) })) : []).map((m) => [m.id, m]));
	const events: EventBatch['events'] = [];
	for (const r of visible) {
		if (r.kind === 'message') {
			const message = views.get(r.messageId!);
			if (message) events.push({ id: r.id, event: { kind: 'message', youthId: r.youthId, message } });
		} else {
			events.push({
				id: r.id,
				event: { kind: r.kind, youthId: r.youthId, threadId: r.threadId, side: sideOf(r.userId!, r.youthId), seq: r.seq }
			});
		}
	}
	const more = rows.length === limit;
	return { events, cursor: more ? rows.at(-1)!.id : latest, more, touched: rows.length > 0 };
}
