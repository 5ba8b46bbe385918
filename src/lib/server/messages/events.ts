/**
 * The in-process event hub behind the live streams (/api/events). Writers call
 * `notifyMessageEvents()` after they have stored a message or moved a mark; every open stream
 * then reads what is new for its user from the database (the message_events log), so the hub
 * carries no data and nothing can be delivered that the policy would not show.
 *
 * Notifications are coalesced: a burst of writes wakes each stream once. Open streams are closed
 * when adapter-node shuts down (`sveltekit:shutdown`), so a restart does not wait for them.
 */
/** Called with the wake-up's number: listeners woken together share it (and what they read for it). */
type Listener = (wake: number) => void;

interface Hub {
	listeners: Set<Listener>;
	streams: Set<() => void>;
	scheduled: boolean;
	wakes: number;
}

const store = globalThis as typeof globalThis & { __minvejMessageHub?: Hub };
const hub: Hub = (store.__minvejMessageHub ??= { listeners: new Set(), streams: new Set(), scheduled: false, wakes: 0 });

/** Wakes every listener soon (once per burst of writes). */
export function notifyMessageEvents() {
	if (hub.scheduled) return;
	hub.scheduled = true;
	setImmediate(() => {
		hub.scheduled = false;
		const wake = ++hub.wakes;
		for (const listener of [...hub.listeners]) {
			try {
				listener(wake);
			} catch (e) {
				console.error('message stream listener failed', e);
			}
		}
	});
}

/** Calls `listener` after writes; returns the function that stops it. */
export function onMessageEvents(listener: Listener): () => void {
	hub.listeners.add(listener);
	return () => hub.listeners.delete(listener);
}

/** Registers an open stream's close function until it closes; returns the unregister function. */
export function trackStream(close: () => void): () => void {
	hub.streams.add(close);
	return () => hub.streams.delete(close);
}

export function openStreamCount(): number {
	return hub.streams.size;
}

/** Closes every open stream (the server is shutting down). */
export function closeAllStreams() {
	for (const close of [...hub.streams]) close();
}

const shutdownFlag = globalThis as typeof globalThis & { __minvejShutdownHook?: boolean };
if (!shutdownFlag.__minvejShutdownHook) {
	shutdownFlag.__minvejShutdownHook = true;
	process.on('sveltekit:shutdown', closeAllStreams);
}
