/**
 * The conversation's way into the outbox (loaded only when it is needed): a message that could
 * not be sent is kept in IndexedDB and a Background Sync round is asked for; the PWA component
 * and the service worker send it when the network is back, also after the app was closed.
 */
import { OUTBOX_SYNC_TAG } from './names';

/** Sent on `window` when messages left the outbox (the conversation then shows them as sent). */
export const OUTBOX_EVENT = 'minvej:outbox';

export interface Queued {
	clientId: string;
	body: string;
	userId: string;
	youthId: string;
}

/** Keeps a message that could not be sent; sent automatically when the network returns. */
export async function keepForLater(message: Queued): Promise<void> {
	const [{ addToOutbox }, { requestSync }] = await Promise.all([import('./outbox'), import('./worker')]);
	await addToOutbox({ ...message, createdAt: Date.now() });
	// Where the browser has no Background Sync, the app sends it on its next start or when online.
	await requestSync(OUTBOX_SYNC_TAG);
}

/** The user's messages still waiting for this conversation, oldest first. */
export async function waitingMessages(userId: string, youthId: string): Promise<Queued[]> {
	const { listOutbox } = await import('./outbox');
	return (await listOutbox(userId)).filter((e) => e.youthId === youthId && !e.error);
}

/** The server has it: no longer waiting. */
export async function forgetQueued(clientId: string): Promise<void> {
	const { removeFromOutbox } = await import('./outbox');
	await removeFromOutbox(clientId);
}
