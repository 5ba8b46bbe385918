/**
 * The tab's one live connection to /api/events (an EventSource, no polling). Layouts start it;
 * pages listen for messages and marks with `onLive`. The browser reconnects by itself and sends
 * the last event id it saw; after going offline (or a refused reconnect) it is reopened from that
 * id, so the server sends exactly what was missed. A stream the server closed for a newer one (too
 * many open in one session) is reopened when the tab is shown again.
 */
import type { LiveEvent } from '$lib/shared/messages';

type Listener = (event: LiveEvent) => void;

export const live = $state<{ unread: number | null; connected: boolean }>({ unread: null, connected: false });

let listeners: Listener[] = [];
let source: EventSource | null = null;
let lastId: string | null = null;
let started = false;

function open() {
	if (source || !navigator.onLine) return;
	const s = new EventSource(`/api/events${lastId ? `?since=${encodeURIComponent(lastId)}` : ''}`);
	source = s;
	s.onopen = () => (live.connected = true);
	const onEvent = (e: MessageEvent<string>) => {
		if (e.lastEventId) lastId = e.lastEventId;
		const event = JSON.parse(e.data) as LiveEvent;
		for (const listener of listeners) listener(event);
	};
	for (const kind of ['message', 'delivered', 'read']) s.addEventListener(kind, onEvent);
	s.addEventListener('unread', (e) => (live.unread = (JSON.parse(e.data) as { count: number }).count));
	// The server closed this stream for a newer tab (a limit per session): no reconnect until this
	// tab is looked at again, or the tabs would take the stream from each other in turns.
	s.addEventListener('closed', () => source === s && close());
	s.onerror = () => {
		live.connected = false;
		// CLOSED: the server refused (e.g. the session ended); reopened when the tab comes back.
		if (s.readyState === EventSource.CLOSED && source === s) source = null;
	};
}

function close() {
	source?.close();
	source = null;
	live.connected = false;
}

/** Opens the tab's stream once, starting after `cursor` (the newest event when the page was made). */
export function startLive(cursor: number) {
	if (started || typeof EventSource === 'undefined') return;
	started = true;
	lastId = String(cursor);
	open();
	window.addEventListener('offline', close);
	window.addEventListener('online', open);
	document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && open());
}

/** Calls `listener` for every message and mark the stream brings; returns the unsubscribe function. */
export function onLive(listener: Listener): () => void {
	listeners = [...listeners, listener];
	return () => {
		listeners = listeners.filter((l) => l !== listener);
	};
}
