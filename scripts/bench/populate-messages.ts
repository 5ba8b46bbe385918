/**
 * The generated conversations: one per young person and guide (a closed one too where the guide
 * changed), SCALE.messages messages in all, skewed like real use (most conversations short, a
 * few long). Messages are written in time order across all conversations, as a live server would
 * have stored them, so a conversation's rows lie scattered through the table as in production.
 */
import type Database from 'better-sqlite3';
import { SCALE } from './common';
import { inserter, type PopulateOptions } from './populate';
import { messageBody } from './texts';

export interface Conversation {
	youthId: string;
	guideId: string;
	/** When the conversation opened and when its last message came (ms). */
	start: number;
	end: number;
	closedAt: number | null;
}

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

/** Message counts per conversation: at least one each, exponentially spread, SCALE.messages in all. */
function messageCounts(o: PopulateOptions, conversations: number): Int32Array {
	const r = o.random;
	const mean = SCALE.messages / conversations;
	const counts = Int32Array.from({ length: conversations }, () => 1 + Math.min(2000, Math.floor(r.exp(mean - 1))));
	let diff = SCALE.messages - counts.reduce((a, b) => a + b, 0);
	while (diff !== 0) {
		const t = r.int(0, conversations - 1);
		if (diff > 0) {
			counts[t]!++;
			diff--;
		} else if (counts[t]! > 1) {
			counts[t]!--;
			diff++;
		}
	}
	return counts;
}

/** A fixed jitter in [-0.4, 0.4) for message k of conversation t. */
function jitter(t: number, k: number): number {
	const x = Math.sin(t * 12.9898 + k * 78.233) * 43_758.5453;
	return (x - Math.floor(x)) * 0.8 - 0.4;
}

export function populateMessages(sqlite: Database.Database, o: PopulateOptions, conversations: Conversation[]) {
	const { random: r, ids, now } = o;
	const n = conversations.length;
	const counts = messageCounts(o, n);
	const threadIds = conversations.map(() => ids.next());
	for (const c of conversations) c.end = Math.max(c.start + HOUR, Math.min(c.end, (c.closedAt ?? now) - 60_000));

	const addThread = inserter(sqlite, 'message_threads', ['id', 'youth_id', 'guide_id', 'created_at', 'closed_at', 'last_seq']);
	sqlite.transaction(() => {
		conversations.forEach((c, t) => addThread(threadIds[t], c.youthId, c.guideId, c.start, c.closedAt, counts[t]));
	})();

	const addMessage = inserter(sqlite, 'messages', ['id', 'thread_id', 'sender_id', 'client_id', 'seq', 'body', 'created_at']);
	const addEvent = inserter(sqlite, 'message_events', ['thread_id', 'kind', 'message_id', 'seq', 'created_at']);
	const emitted = new Int32Array(n);
	const lastStaff = new Int32Array(n);
	const lastYouth = new Int32Array(n);
	const timeOf = (t: number, k: number) => {
		const c = conversations[t]!;
		return Math.round(c.start + ((c.end - c.start) * (k + 0.5 + jitter(t, k))) / counts[t]!);
	};
	const first = Math.min(...conversations.map((c) => c.start));
	let written = 0;
	for (let bucketEnd = first + WEEK; written < SCALE.messages; bucketEnd += WEEK) {
		if (bucketEnd > now + 2 * WEEK) throw new Error(`only ${written} of ${SCALE.messages} messages fell before now`);
		sqlite.transaction(() => {
			for (let t = 0; t < n; t++) {
				const c = conversations[t]!;
				if (c.start >= bucketEnd) continue;
				for (let k = emitted[t]!; k < counts[t]!; k++) {
					const at = timeOf(t, k);
					if (at >= bucketEnd) break;
					// The guide says hello first; after that either side writes.
					const fromYouth = k > 0 && r.chance(0.5);
					const seq = k + 1;
					const id = ids.next();
					addMessage(id, threadIds[t], fromYouth ? c.youthId : c.guideId, ids.next(), seq, messageBody(r, fromYouth), at);
					addEvent(threadIds[t], 'message', id, seq, at);
					if (fromYouth) lastYouth[t] = seq;
					else lastStaff[t] = seq;
					emitted[t] = seq;
					written++;
				}
			}
		})();
	}

	// Read marks: mostly read up to the end; some conversations wait for the guide (the young
	// person's last messages unread) and some for the young person.
	const addRead = inserter(sqlite, 'message_reads', ['thread_id', 'user_id', 'delivered_seq', 'read_seq', 'updated_at']);
	sqlite.transaction(() => {
		conversations.forEach((c, t) => {
			const last = counts[t]!;
			const open = c.closedAt === null;
			const guideRead = open && r.chance(0.25) ? lastStaff[t]! : last;
			const youthRead = open && r.chance(0.2) ? lastYouth[t]! : last;
			addRead(threadIds[t], c.guideId, last, Math.max(guideRead, lastStaff[t]!), c.end);
			addRead(threadIds[t], c.youthId, last, Math.max(youthRead, lastYouth[t]!), c.end);
		});
	})();
}
