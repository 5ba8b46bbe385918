/** The schema: messages. */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, oneOf } from './common';
import { users } from './people';

/** A conversation between a young person and one guide (or the youth unit when guideId is null). */
export const messageThreads = sqliteTable(
	'message_threads',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Null: the youth unit's shared inbox, answered by the coordinator. */
		guideId: text('guide_id').references(() => users.id),
		createdAt: createdAt(),
		/** Set when the guide changes; the old conversation becomes read-only. */
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		lastSeq: integer('last_seq').notNull().default(0),
		/**
		 * Messages from staff after the young person's read mark, and from the young person after
		 * the staff side's furthest read mark: kept by triggers (db/unread-counts.ts), read by the
		 * unread badge on every page instead of counting.
		 */
		youthUnread: integer('youth_unread').notNull().default(0),
		staffUnread: integer('staff_unread').notNull().default(0)
	},
	(t) => [
		uniqueIndex('message_threads_one_open')
			.on(t.youthId)
			.where(sql`${t.closedAt} is null`),
		// All of a young person's conversations (the partial index above covers only the open one):
		// asked on every page they open, for the unread count.
		index('message_threads_youth_idx').on(t.youthId),
		index('message_threads_guide_idx').on(t.guideId, t.closedAt)
	]
);

export const messages = sqliteTable(
	'messages',
	{
		id: text('id').primaryKey(),
		threadId: text('thread_id')
			.notNull()
			.references(() => messageThreads.id, { onDelete: 'cascade' }),
		senderId: text('sender_id')
			.notNull()
			.references(() => users.id),
		/** Made by the sending client; the same id sent twice is stored once. */
		clientId: text('client_id').notNull(),
		/** Strict order within the thread: 1, 2, 3 … */
		seq: integer('seq').notNull(),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('messages_sender_client_unique').on(t.senderId, t.clientId),
		uniqueIndex('messages_thread_seq_unique').on(t.threadId, t.seq),
		check('messages_body_check', sql`length(${t.body}) between 1 and 4000`)
	]
);

/** How far each participant has read (and has received) a thread. */
export const messageReads = sqliteTable(
	'message_reads',
	{
		threadId: text('thread_id')
			.notNull()
			.references(() => messageThreads.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		deliveredSeq: integer('delivered_seq').notNull().default(0),
		readSeq: integer('read_seq').notNull().default(0),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.threadId, t.userId] })]
);

export const MESSAGE_EVENT_KINDS = ['message', 'delivered', 'read'] as const;
export type MessageEventKind = (typeof MESSAGE_EVENT_KINDS)[number];

/**
 * The order in which things happened to conversations: each stored message and each advanced
 * delivered/read mark appends one row. Its id is the cursor of the live stream (/api/events):
 * a client that reconnects with the last id it saw gets exactly the rows after it, so nothing is
 * missed and nothing comes twice. Writers are serialised by SQLite, so id order is commit order.
 */
export const messageEvents = sqliteTable(
	'message_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		threadId: text('thread_id')
			.notNull()
			.references(() => messageThreads.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: MESSAGE_EVENT_KINDS }).notNull(),
		/** kind = message: the message stored. */
		messageId: text('message_id').references(() => messages.id, { onDelete: 'cascade' }),
		/** kind = delivered | read: whose mark moved. */
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		/** The message's seq, or the seq the mark moved up to. */
		seq: integer('seq').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		index('message_events_thread_idx').on(t.threadId, t.id),
		check('message_events_kind_check', oneOf(t.kind, MESSAGE_EVENT_KINDS)),
		check(
			'message_events_subject_check',
			sql`(${t.kind} = 'message' and ${t.messageId} is not null) or (${t.kind} <> 'message' and ${t.userId} is not null)`
		)
	]
);

export const ATTACHMENT_KINDS = ['image', 'pdf'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * A photo or PDF sent with a message. The file itself lies outside the database, under
 * DATA_DIR by its random id (attachments/files.ts); this row says whose it is and what it is.
 * An image is stored re-encoded (no EXIF, at most 2,048 px) with a small preview beside it.
 */
export const messageAttachments = sqliteTable(
	'message_attachments',
	{
		/** Random, and the file's name under DATA_DIR. */
		id: text('id').primaryKey(),
		messageId: text('message_id')
			.notNull()
			.unique()
			.references(() => messages.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ATTACHMENT_KINDS }).notNull(),
		/** The stored file's type: image/jpeg, image/png or application/pdf. */
		mime: text('mime').notNull(),
		/** The name the sender's file had (cleaned), for the download. */
		name: text('name').notNull(),
		/** Bytes of the stored file. */
		size: integer('size').notNull(),
		/** Images: the stored image's and its preview's size in pixels. */
		width: integer('width'),
		height: integer('height'),
		previewWidth: integer('preview_width'),
		previewHeight: integer('preview_height'),
		createdAt: createdAt()
	},
	(t) => [check('message_attachments_kind_check', oneOf(t.kind, ATTACHMENT_KINDS))]
);

export type MessageThread = typeof messageThreads.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type MessageRead = typeof messageReads.$inferSelect;
export type MessageEventRow = typeof messageEvents.$inferSelect;
export type MessageAttachment = typeof messageAttachments.$inferSelect;
