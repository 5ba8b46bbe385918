/**
 * Fetching an attachment: the policy is asked on every request, as for the conversation it was
 * sent in (the young person, their present guide, or the unit while they have none; never a
 * former guide, a parent or a caseworker), and a staff member's fetch is logged like a read of
 * the messages. Anything not allowed is "not found".
 */
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { messageAttachments, messages, messageThreads } from '../db/schema';
import { recordAccess, type Actor } from '../access';
import { readStoredFile, type Variant } from '../attachments';
import { threadAccess } from './conversations';

export interface OpenedAttachment {
	bytes: Buffer;
	mime: string;
	name: string;
	/** Images are shown in the page; a PDF is saved (or opened by the phone's own viewer). */
	disposition: 'inline' | 'attachment';
}

export function openAttachment(actor: NonNullable<Actor>, id: string, variant: Variant): OpenedAttachment | null {
	const row = db()
		.select({
			kind: messageAttachments.kind,
			mime: messageAttachments.mime,
			name: messageAttachments.name,
			thread: { id: messageThreads.id, youthId: messageThreads.youthId, guideId: messageThreads.guideId, closedAt: messageThreads.closedAt }
		})
		.from(messageAttachments)
		.innerJoin(messages, eq(messages.id, messageAttachments.messageId))
		.innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
		.where(eq(messageAttachments.id, id))
		.get();
	if (!row || !threadAccess(actor)(row.thread)) return null;
	if (variant === 'preview' && row.kind !== 'image') return null;
	const bytes = readStoredFile(id, variant);
	if (!bytes) return null;
	recordAccess(actor, row.thread.youthId, 'messages');
	return {
		bytes,
		mime: variant === 'preview' ? 'image/jpeg' : row.mime,
		name: row.name,
		disposition: row.kind === 'image' ? 'inline' : 'attachment'
	};
}
