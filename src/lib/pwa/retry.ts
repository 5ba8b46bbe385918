/**
 * Trying again while the phone says it is online. The `online` event often comes before the
 * network is usable (the link is up, the route a moment later; the service worker's network can
 * follow the page's), so a message sent at once from the outbox can fail right after it. It is
 * then tried again after these pauses, until it went or the phone is offline again.
 */
export const RETRY_PAUSES_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];

export interface RetryOptions {
	/** The pauses between tries; the tries end after the last. */
	pauses?: readonly number[];
	/** Asked before each new try: false ends them (offline again, another round began, the page left). */
	keepTrying?: () => boolean;
	wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it answers true (done), pausing between tries; an attempt that throws
 * counts as not done. Answers whether it got done.
 */
export async function tryUntilDone(
	attempt: () => Promise<boolean>,
	{ pauses = RETRY_PAUSES_MS, keepTrying = () => true, wait = sleep }: RetryOptions = {}
): Promise<boolean> {
	for (let tries = 0; ; tries++) {
		if (await attempt().catch(() => false)) return true;
		if (tries >= pauses.length || !keepTrying()) return false;
		await wait(pauses[tries]!);
		if (!keepTrying()) return false;
	}
}
