/**
 * The in-process event hub behind the live streams (/api/events). Writers call
 * `notifyMessageEvents()` after they have stored a message or moved a mark; every open stream
 * then reads what is new for its user from the database (the message_events log), so the hub
 * carries no data and nothing can be delivered that the policy would not show.
 *
 * Notifications are coalesced: a burst of writes wakes each stream once. Open streams are closed
 * as soon as the server is told to stop (`closeStreamsOnStop`), so a restart does not wait for them.
 *
 * Each open stream costs memory and a wake-up on every write, so one person keeps at most
 * STREAMS_PER_SESSION in one session (tabs of one browser) and STREAMS_PER_PERSON in all; a new
 * stream over either limit closes that session's or person's oldest one (README, "Limits").
 */
/** Called with the wake-up's number: listeners woken together share it (and what they read for it). */
type Listener = (wake: number) => void;

/** Open streams per session (the tabs of one browser) and per person (all their sessions). */
export const STREAMS_PER_SESSION = 4;
export const STREAMS_PER_PERSON = 10;

/** Whose an open stream is: the session is null only in tests. */
export interface StreamOwner {
	userId: string;
	sessionId: string | null;
}

interface Hub {
	listeners: Set<Listener>;
	/** Each open stream's close function (called with the reason) and owner, oldest first. */
	streams: Map<StreamCloser, StreamOwner>;
	scheduled: boolean;
	wakes: number;
}

/** Why the server closed a stream: `too_many_streams` tells the page not to reconnect at once. */
export type CloseReason = 'too_many_streams' | 'shutdown';
type StreamCloser = (reason?: CloseReason) => void;

const store = globalThis as typeof globalThis & { __minvejMessageHubV2?: Hub };
const hub: Hub = (store.__minvejMessageHubV2 ??= { listeners: new Set(), streams: new Map(), scheduled: false, wakes: 0 });

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

/**
 * Registers an open stream's close function until it closes; returns the unregister function.
 * Over a limit, the oldest stream of the same session (or else of the same person) is closed.
 */
export function trackStream(close: StreamCloser, owner: StreamOwner): () => void {
	const ownedBy = (test: (o: StreamOwner) => boolean) => [...hub.streams].filter(([, o]) => test(o)).map(([c]) => c);
	if (owner.sessionId !== null) {
		const session = ownedBy((o) => o.sessionId === owner.sessionId);
		for (const oldest of session.slice(0, Math.max(0, session.length - STREAMS_PER_SESSION + 1))) oldest('too_many_streams');
	}
	const person = ownedBy((o) => o.userId === owner.userId);
	for (const oldest of person.slice(0, Math.max(0, person.length - STREAMS_PER_PERSON + 1))) oldest('too_many_streams');
	hub.streams.set(close, owner);
	closeStreamsOnStop();
	return () => hub.streams.delete(close);
}

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Closes the open streams when the server is told to stop (SIGTERM, SIGINT). adapter-node's own
 * `sveltekit:shutdown` comes only once every connection has ended, and a stream's connection does
 * not end by itself: a stop with one stream open waited out SHUTDOWN_TIMEOUT (30 s). Once the
 * streams end, adapter-node closes their connections and the process exits. Added only where
 * something already handles the signal (adapter-node's graceful shutdown, the dev server): a
 * listener of ours alone would take away Node's default exit on it. Checked at each new stream,
 * because the server's code runs before adapter-node adds its handlers.
 */
function closeStreamsOnStop() {
	for (const signal of STOP_SIGNALS) {
		const listeners = process.listeners(signal);
		if (listeners.length > 0 && !listeners.includes(closeAllStreams)) process.on(signal, closeAllStreams);
	}
}

/** How many streams are open (of one person or one session, when asked). */
export function openStreamCount(of: Partial<StreamOwner> = {}): number {
	let n = 0;
	for (const owner of hub.streams.values()) {
		if ((of.userId === undefined || owner.userId === of.userId) && (of.sessionId === undefined || owner.sessionId === of.sessionId)) n++;
	}
	return n;
}

/** Closes every open stream (the server is shutting down). */
export function closeAllStreams() {
	for (const close of [...hub.streams.keys()]) close('shutdown');
}

const shutdownFlag = globalThis as typeof globalThis & { __minvejShutdownHook?: boolean };
if (!shutdownFlag.__minvejShutdownHook) {
	shutdownFlag.__minvejShutdownHook = true;
	process.on('sveltekit:shutdown', closeAllStreams);
}
