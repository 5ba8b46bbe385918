/**
 * Each conversation's unread messages for each side, kept by triggers on `messages` and
 * `message_reads` (issue 23): `message_threads.youth_unread` counts the messages from staff after
 * the young person's read mark, `staff_unread` those from the young person after the furthest read
 * mark of anyone on the staff side. The unread badge on every page and the staff's inbox read them
 * instead of counting messages per request.
 *
 * Each trigger counts one conversation afresh (never adds or subtracts), so whatever writes the
 * rows (a send, a read, the seed, an erasure) leaves the right figure: a range of the
 * `(thread_id, seq)` index after the read mark, as long as the unread messages. The migration that
 * made the columns holds the same statements (`unread-counts.test.ts` checks that they have not
 * drifted and that the triggers leave what a fresh fill would); the bench's generator fills them
 * after loading with the triggers off.
 */

const THREAD = 'message_threads';

/** The read mark of one side of a conversation: the young person's, or the furthest on the staff side. */
const readMark = (thread: string, side: 'youth' | 'staff') =>
	`coalesce((SELECT max(r.read_seq) FROM message_reads r WHERE r.thread_id = ${thread}.id AND r.user_id ${side === 'youth' ? '=' : '<>'} ${thread}.youth_id), 0)`;

/** Messages from the other side after the reader's read mark. */
const unread = (thread: string, reader: 'youth' | 'staff') =>
	`(SELECT count(*) FROM messages m WHERE m.thread_id = ${thread}.id AND m.sender_id ${reader === 'youth' ? '<>' : '='} ${thread}.youth_id AND m.seq > ${readMark(thread, reader)})`;

const refresh = (threadId: string) =>
	`UPDATE ${THREAD} SET youth_unread = ${unread(THREAD, 'youth')}, staff_unread = ${unread(THREAD, 'staff')} WHERE id = ${threadId};`;

function trigger(name: string, event: string, table: string, body: string, when?: string): string {
	return `CREATE TRIGGER unread_counts_${name} AFTER ${event} ON ${table}${when ? ` WHEN ${when}` : ''}\nBEGIN\n\t${body}\nEND;`;
}

const moved = (columns: string[]) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

/** The triggers, in the order the migration creates them. */
export const UNREAD_COUNT_TRIGGERS: string[] = [
	trigger('message_insert', 'INSERT', 'messages', refresh('NEW.thread_id')),
	trigger(
		'message_update',
		'UPDATE OF thread_id, sender_id, seq',
		'messages',
		`${refresh('NEW.thread_id')}\n\t${refresh('OLD.thread_id')}`,
		moved(['thread_id', 'sender_id', 'seq'])
	),
	trigger('message_delete', 'DELETE', 'messages', refresh('OLD.thread_id')),
	trigger('read_insert', 'INSERT', 'message_reads', refresh('NEW.thread_id')),
	// Every mark moved writes both of a row's seqs: only a moved read mark changes what is unread.
	trigger(
		'read_update',
		'UPDATE OF thread_id, user_id, read_seq',
		'message_reads',
		`${refresh('NEW.thread_id')}\n\t${refresh('OLD.thread_id')}`,
		moved(['thread_id', 'user_id', 'read_seq'])
	),
	trigger('read_delete', 'DELETE', 'message_reads', refresh('OLD.thread_id'))
];

/** Every conversation's counts made from scratch (the migration, and the bench after loading). */
export const UNREAD_COUNT_FILL = `UPDATE ${THREAD} SET youth_unread = ${unread(THREAD, 'youth')}, staff_unread = ${unread(THREAD, 'staff')};`;

/** The SQL the migration runs after adding the columns: the triggers, then the fill. */
export function unreadCountMigrationSql(): string {
	return [...UNREAD_COUNT_TRIGGERS, UNREAD_COUNT_FILL].join('\n--> statement-breakpoint\n');
}
