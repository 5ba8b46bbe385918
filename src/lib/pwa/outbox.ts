/**
 * The outbox: messages written while offline, kept in IndexedDB until the server has them
 * (docs/product.md rule 8). The one module for it, used by all three that touch it:
 *
 * - the conversation (components/messages/conversation.svelte.ts) keeps a message that could not
 *   go (`keepForLater`), shows what waits (`waitingMessages`) and drops what the server confirmed
 *   (`removeFromOutbox`);
 * - the app shell (routes/PwaClient.svelte, through ./client) sends what waits when the app starts
 *   and when the network returns, and empties it on the login page;
 * - the service worker sends it on Background Sync and empties it with the other personal data.
 *
 * Each entry carries the message's client-made id, so sending it again (a retry, the page and
 * the service worker both trying, a reload) is stored once by the server. Entries go out in the
 * order they were written; the first one that cannot go now stops the round, to keep the order.
 *
 * The pages load this module with import() once they run (it is never in a page's HTML); it uses
 * IndexedDB itself, without a wrapper library, for the size budget of the first view.
 */
import { OUTBOX_SYNC_TAG } from './names';
import { requestSync } from './worker';

export interface OutboxEntry {
	clientId: string;
	/** Whose message it is: only that user's pages show and send it. */
	userId: string;
	/** The young person whose conversation it goes to. */
	youthId: string;
	body: string;
	/** A photo or PDF going with it (IndexedDB keeps the file itself), and its name. */
	file?: Blob;
	fileName?: string;
	/** When it was written (ms since the epoch). */
	createdAt: number;
	/** Set when the server refused it for good (e.g. too long): it stays, shown as not sent. */
	error?: string;
}

/** A message as the conversation hands it over. */
export type Outgoing = Pick<OutboxEntry, 'clientId' | 'userId' | 'youthId' | 'body' | 'file' | 'fileName'>;

const DB_NAME = 'minvej';
const STORE = 'outbox';

let opened: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
	opened ??= new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientId' }).createIndex('byCreated', 'createdAt');
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	return opened;
}

/** Runs one request on the outbox store and waits until its transaction has committed. */
async function inStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const tx = (await database()).transaction(STORE, mode);
	const request = use(tx.objectStore(STORE));
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve(request.result);
		tx.onerror = tx.onabort = () => reject(tx.error ?? request.error);
	});
}

async function put(entry: OutboxEntry): Promise<void> {
	await inStore('readwrite', (store) => store.put(entry));
}

// ---- The conversation's side (pages only) ---------------------------------------------------------

/**
 * Keeps a message that could not be sent and asks for a Background Sync round; where the browser
 * has none, the app sends it on its next start or when the network returns.
 */
export async function keepForLater(message: Outgoing): Promise<void> {
	await put({ ...message, createdAt: Date.now() });
	await requestSync(OUTBOX_SYNC_TAG);
}

/** The user's messages still waiting for one conversation, oldest first (not those refused for good). */
export async function waitingMessages(userId: string, youthId: string): Promise<OutboxEntry[]> {
	return (await listOutbox(userId)).filter((e) => e.youthId === youthId && !e.error);
}

/** The server has it: no longer waiting. */
export async function removeFromOutbox(clientId: string): Promise<void> {
	await inStore('readwrite', (store) => store.delete(clientId));
}

// ---- Sending and emptying (the app shell and the service worker) ---------------------------------

/** The waiting messages (of one user, when given), oldest first. */
export async function listOutbox(userId?: string): Promise<OutboxEntry[]> {
	const all = (await inStore('readonly', (store) => store.index('byCreated').getAll())) as OutboxEntry[];
	return userId ? all.filter((e) => e.userId === userId) : all;
}

export async function clearOutbox(): Promise<void> {
	await inStore('readwrite', (store) => store.clear());
}

export interface FlushResult {
	/** Client ids the server now has. */
	sent: string[];
	/** The session has ended: the caller clears personal data. */
	unauthenticated: boolean;
	/** Entries still waiting (not counting those refused for good). */
	waiting: number;
}

/**
 * POST /api/messages: JSON, or multipart/form-data when a file goes with it. The same client id
 * is stored once, with its file, however often this is sent.
 */
export function postMessage(message: Omit<Outgoing, 'userId'>): Promise<Response> {
	const { clientId, body, youthId, file, fileName } = message;
	if (!file) {
		return fetch('/api/messages', {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ clientId, body, youthId }),
			credentials: 'same-origin'
		});
	}
	const form = new FormData();
	form.set('clientId', clientId);
	form.set('body', body);
	form.set('youthId', youthId);
	form.set('file', file, fileName ?? 'file');
	return fetch('/api/messages', { method: 'POST', headers: { accept: 'application/json' }, body: form, credentials: 'same-origin' });
}

/** Answers that mean "not now": try again later, in the same order. */
const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Sends the waiting messages (of one user, when given) to POST /api/messages. Throws when the
 * network is down, so a Background Sync round is retried by the browser.
 */
export async function flushOutbox(userId?: string): Promise<FlushResult> {
	const run = () => flushOnce(userId);
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	// One round at a time across the pages and the service worker.
	return locks ? locks.request('minvej-outbox', run) : run();
}

async function flushOnce(userId?: string): Promise<FlushResult> {
	const result: FlushResult = { sent: [], unauthenticated: false, waiting: 0 };
	const entries = (await listOutbox(userId)).filter((e) => !e.error);
	for (const [i, entry] of entries.entries()) {
		const response = await postMessage(entry);
		if (response.ok) {
			await removeFromOutbox(entry.clientId);
			result.sent.push(entry.clientId);
			continue;
		}
		if (response.status === 401) {
			result.unauthenticated = true;
			result.waiting = entries.length - i;
			return result;
		}
		if (TRANSIENT.has(response.status)) {
			result.waiting = entries.length - i;
			return result;
		}
		const answer = (await response.json().catch(() => ({}))) as { error?: string };
		await put({ ...entry, error: answer.error ?? `http_${response.status}` });
	}
	return result;
}
