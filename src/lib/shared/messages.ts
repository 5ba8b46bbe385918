/**
 * What the server and the pages agree on about messages: the limits and the shapes sent over the
 * wire (page data, the JSON endpoint and the live stream /api/events).
 */

/** The longest message, in characters (the database CHECK allows 1–4000). */
export const MESSAGE_MAX_LENGTH = 4000;

/** New messages one person may send per minute (a retry of the same message does not count). */
export const MESSAGES_PER_MINUTE = 30;

/** A client-made message id: 8–64 letters, digits, '-' or '_' (a UUID fits). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

import type { AttachmentError, AttachmentView } from './attachments';

/** Which side of a conversation someone writes from. */
export type Side = 'youth' | 'staff';

export interface MessageView {
	id: string;
	threadId: string;
	clientId: string;
	seq: number;
	senderId: string;
	senderName: string;
	side: Side;
	body: string;
	/** ISO timestamp. */
	createdAt: string;
	/** A photo or PDF sent with it (the body is then its text, or the file's name). */
	attachment: AttachmentView | null;
}

/** How far the other side has got: their delivered and read marks (message seq). */
export interface Marks {
	delivered: number;
	read: number;
}

export interface ThreadView {
	id: string | null;
	youthId: string;
	/** Who answers: the guide's name, or null for the youth unit. */
	guideName: string | null;
	/** The conversation can be written to (the current one); earlier ones are read-only. */
	writable: boolean;
	closedAt: string | null;
	messages: MessageView[];
	/** Marks of the young person and of the staff side. */
	marks: Record<Side, Marks>;
}

/** A young person's conversations as one reader may see them. */
export interface Conversation {
	/** The conversation to write in (id null until its first message). */
	current: ThreadView;
	/** Earlier guides' conversations, newest first: read-only, shown only to the young person. */
	earlier: ThreadView[];
}

/** One young person's row in a staff inbox. */
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
	/** In the coordinator's inbox: the away guide whose conversation the unit answers meanwhile (issue 17). */
	awayGuide: string | null;
}

/** One line of an event stream message (`data:`), by `event:` name. */
export type LiveEvent =
	| { kind: 'message'; youthId: string; message: MessageView }
	| { kind: 'delivered' | 'read'; youthId: string; threadId: string; side: Side; seq: number };

export interface UnreadEvent {
	count: number;
}

/** Codes the JSON endpoint and the form actions answer with. */
export type SendError =
	| 'empty'
	| 'too_long'
	| 'rate_limited'
	| 'client_id_conflict'
	| 'invalid_client_id'
	| 'not_found'
	| 'unsupported_media_type'
	| 'cross_origin'
	| 'invalid_json'
	| 'too_large'
	| 'invalid_request'
	| AttachmentError;

/** Length in characters as a person (and SQLite's length()) counts them, not UTF-16 units. */
export function characterCount(text: string): number {
	return Array.from(text).length;
}
