/**
 * The outbox: messages the young person wrote while offline, kept in IndexedDB until the server
 * has them (docs/product.md rule 8). Used by the messages page and by the service worker.
 *
 * Each entry carries the message's client-made id, so sending it again (a retry, the page and
 * the service worker both trying, a reload) is stored once by the server. Entries go out in the
 * order they were written; the first one that cannot go now stops the round, to keep the order.
 */
export interface OutboxEntry {
	clientId: string;
	/** Whose message it is: only that user's pages show and send it. */
	userId: string;
	/** The young person whose conversation it goes to. */
	youthId: string;
	body: string;
	/** When it was written (ms since the epoch). */
	createdAt: number;
	/** Set when the server refused it for good (e.g. too long): it stays, shown as not sent. */
	error?: string;
}

export const DB_NAME = 'minvej';
const STORE = 'outbox';

// IndexedDB itself, without a wrapper library: every page loads this module at the first visit.
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

export async function addToOutbox(entry: OutboxEntry): Promise<void> {
	await inStore('readwrite', (store) => store.put(entry));
}

/** The waiting messages (of one user, when given), oldest first. */
export async function listOutbox(userId?: string): Promise<OutboxEntry[]> {
	const all = (await inStore('readonly', (store) => store.index('byCreated').getAll())) as OutboxEntry[];
	return userId ? all.filter((e) => e.userId === userId) : all;
}

export async function removeFromOutbox(clientId: string): Promise<void> {
	await inStore('readwrite', (store) => store.delete(clientId));
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
		const response = await fetch('/api/messages', {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ clientId: entry.clientId, body: entry.body, youthId: entry.youthId }),
			credentials: 'same-origin'
		});
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
		await addToOutbox({ ...entry, error: answer.error ?? `http_${response.status}` });
	}
	return result;
}
