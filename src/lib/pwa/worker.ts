/**
 * The pages' side of the service worker: registering it, asking it things and telling it things.
 * Does nothing where service workers are missing (or in `vite dev`). Uses the browser's own API:
 * every page downloads this at the first visit, and Workbox's window part was 2.8 KB (gzip) of it.
 */
import type { FromWorker, ToWorker } from './names';

let registration: Promise<ServiceWorkerRegistration | undefined> | undefined;

export const supported = () => typeof navigator !== 'undefined' && 'serviceWorker' in navigator;

/**
 * Registers /service-worker.js; `onUpdate` runs when a new version waits to take over (also one
 * that was already waiting), the way workbox-window's "waiting" event did.
 */
export function registerWorker(onUpdate: () => void): void {
	if (!supported() || registration) return;
	const container = navigator.serviceWorker;
	// Only a page that already had a worker reloads when another takes over (an update).
	const wasControlled = container.controller !== null;
	let reloading = false;
	container.addEventListener('controllerchange', () => {
		if (!wasControlled || reloading) return;
		reloading = true;
		location.reload();
	});
	const watch = (worker: ServiceWorker | null) => {
		if (!worker) return;
		const check = () => {
			if (worker.state === 'installed' && container.controller) onUpdate();
		};
		worker.addEventListener('statechange', check);
		check();
	};
	registration = container
		.getRegistration('/')
		// Already installed: look for a new version of the worker it has (what register() would do),
		// without registering a script again over a newer one that is on its way.
		.then((existing) =>
			existing
				? existing.update().then(
						() => existing,
						() => existing
					)
				: container.register('/service-worker.js', { scope: '/' })
		)
		.then((r) => {
			if (r.waiting && container.controller) onUpdate();
			watch(r.installing);
			r.addEventListener('updatefound', () => watch(r.installing));
			return r;
		})
		.catch((e) => {
			console.warn('Minvej: the service worker could not be registered', e);
			return undefined;
		});
}

/** "Update now": the waiting version takes over; the page reloads when it controls it. */
export function activateUpdate() {
	void registration?.then((r) => r?.waiting?.postMessage({ type: 'SKIP_WAITING' } satisfies ToWorker));
}

export function tellWorker(message: ToWorker) {
	if (supported()) navigator.serviceWorker.controller?.postMessage(message);
}

/** When the copy of `path` this page was given was saved, if it came from the offline cache. */
export async function savedAtOf(path: string): Promise<string | null> {
	const controller = supported() ? navigator.serviceWorker.controller : null;
	if (!controller) return null;
	const channel = new MessageChannel();
	const answer = new Promise<string | null>((resolve) => {
		channel.port1.onmessage = (event) => resolve((event.data as { savedAt: string | null }).savedAt);
		setTimeout(() => resolve(null), 2000);
	});
	controller.postMessage({ type: 'SAVED_AT', path } satisfies ToWorker, [channel.port2]);
	return answer;
}

/** Listens to the service worker's messages; returns the way to stop. */
export function onWorkerMessage(listener: (message: FromWorker) => void): () => void {
	if (!supported()) return () => {};
	const handler = (event: MessageEvent) => listener(event.data as FromWorker);
	navigator.serviceWorker.addEventListener('message', handler);
	return () => navigator.serviceWorker.removeEventListener('message', handler);
}

/** Asks for a Background Sync round (where the browser has it); false where it has not. */
export async function requestSync(tag: string): Promise<boolean> {
	if (!supported()) return false;
	const registration = (await Promise.race([navigator.serviceWorker.ready, new Promise<null>((r) => setTimeout(() => r(null), 3000))])) as
		(ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | null;
	if (!registration?.sync) return false;
	try {
		await registration.sync.register(tag);
		return true;
	} catch {
		return false;
	}
}
