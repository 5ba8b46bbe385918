/**
 * The live stream shows staff what a young person writes and reads, as opening the conversation
 * does, so it is a read for the access log too (docs/product.md rule 6). A stream delivers many
 * events; what the young person should see in "who has looked at my data" is one line per view,
 * so each stream logs a young person once per time window, however many events it brings. Its
 * reads are written at once, not with the rest of a request's (access-log.ts `logAccessesOf`): a
 * stream's events go out as they come, often woken by a write in someone else's request.
 */
import { recordAccessesAtOnce, type Actor } from '../access';

/** A stream logs a young person at most once in this long. */
export const STREAM_READ_WINDOW_MS = 10 * 60_000;

/** The log of one stream: call it with the young people whose events are about to be sent. */
export function streamReadLog(actor: NonNullable<Actor>, windowMs = STREAM_READ_WINDOW_MS, clock = () => Date.now()) {
	const loggedAt = new Map<string, number>();
	return (youthIds: Iterable<string>) => {
		const now = clock();
		const due = [...new Set(youthIds)].filter((id) => id !== actor.id && now - (loggedAt.get(id) ?? -Infinity) >= windowMs);
		if (!due.length) return;
		for (const id of due) loggedAt.set(id, now);
		recordAccessesAtOnce(actor, due, 'messages');
	};
}
