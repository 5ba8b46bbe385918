/**
 * What the service worker and the pages agree on (no DOM or worker types here: both import it).
 */

/** Personal pages kept for reading offline after one visit (and their __data.json). */
export const OFFLINE_PAGES = ['/', '/plan', '/messages'] as const;
export type OfflinePage = (typeof OFFLINE_PAGES)[number];

/** The cache of personal pages: emptied on logout, on an ended session and on a language switch. */
export const PAGES_CACHE = 'minvej-pages';

/** The cache of the offline page in each language (nothing personal); one per app version. */
export const SHELL_CACHE_PREFIX = 'minvej-shell-';

/** Set on a page's copy in PAGES_CACHE: when it was fetched (ISO time). */
export const SAVED_AT_HEADER = 'x-minvej-saved-at';

/** Sent by the server with every answer to a logged-in person: when the session ends (ISO time). */
export const SESSION_EXPIRES_HEADER = 'x-session-expires';

/**
 * Set on a page's copy in PAGES_CACHE: until when it may be shown (ISO time, this device's clock),
 * the session's end as the server said with that page. A copy without it is never shown.
 */
export const KEPT_UNTIL_HEADER = 'x-minvej-kept-until';

/** May this kept copy still be shown? (Not past its session's end.) */
export const keptCopyValid = (copy: Response, now = Date.now()) => Date.parse(copy.headers.get(KEPT_UNTIL_HEADER) ?? '') > now;

/** The offline page in `locale`: the address the worker fetches it from (hooks.server.ts reads `?locale=`) and its key in the shell cache. */
export const offlinePageKey = (locale: string) => `/offline?locale=${locale}`;

/** The Background Sync tag for the outbox of messages written offline. */
export const OUTBOX_SYNC_TAG = 'minvej-outbox';

/**
 * Sent on a page's `window` when messages left the outbox (by the app shell, or the service
 * worker's OUTBOX_CHANGED): the conversation then shows them as sent.
 */
export const OUTBOX_EVENT = 'minvej:outbox';

/** Messages from a page to the service worker. */
export type ToWorker =
	| { type: 'SKIP_WAITING' }
	| { type: 'CLEAR_PERSONAL' }
	| { type: 'FLUSH_OUTBOX' }
	/** Answered on the message port: { savedAt: string | null }. */
	| { type: 'SAVED_AT'; path: string };

/** Messages from the service worker to its pages. */
export type FromWorker = { type: 'OUTBOX_CHANGED' } | { type: 'PERSONAL_CLEARED' };
