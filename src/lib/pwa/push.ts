/**
 * The browser's side of Web Push: subscribing this device with the server's VAPID public key
 * and telling the server (/api/push/subscription), or the reverse.
 */
export type PushState = 'unsupported' | 'denied' | 'on' | 'off';

export function pushSupported(): boolean {
	return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const base64 = base64url
		.replace(/-/g, '+')
		.replace(/_/g, '/')
		.padEnd(Math.ceil(base64url.length / 4) * 4, '=');
	return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
	if (!a || a.byteLength !== b.byteLength) return false;
	const bytes = new Uint8Array(a);
	return bytes.every((v, i) => v === b[i]);
}

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
	return navigator.serviceWorker.getRegistration('/');
}

async function subscription(): Promise<PushSubscription | null> {
	return (await (await registration())?.pushManager.getSubscription()) ?? null;
}

async function tellServer(method: 'POST' | 'DELETE', body: unknown) {
	const response = await fetch('/api/push/subscription', {
		method,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	if (!response.ok) throw new Error(`push subscription: ${response.status}`);
}

export async function pushState(): Promise<PushState> {
	if (!pushSupported()) return 'unsupported';
	if (Notification.permission === 'denied') return 'denied';
	return Notification.permission === 'granted' && (await subscription()) ? 'on' : 'off';
}

/** Asks for permission, subscribes this device and registers it with the server. */
export async function turnOn(vapidPublicKey: string, locale: string): Promise<PushState> {
	if (!pushSupported()) return 'unsupported';
	const permission = await Notification.requestPermission();
	if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off';
	const key = keyBytes(vapidPublicKey);
	const reg = (await registration()) ?? (await navigator.serviceWorker.ready);
	let current = await reg.pushManager.getSubscription();
	// Subscribed with another server key (the keys were replaced): start afresh.
	if (current && !sameKey(current.options.applicationServerKey, key)) {
		await current.unsubscribe();
		current = null;
	}
	current ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
	await tellServer('POST', { ...current.toJSON(), locale });
	return 'on';
}

/** Unsubscribes this device, here and on the server. */
export async function turnOff(): Promise<PushState> {
	const current = await subscription();
	if (current) {
		await tellServer('DELETE', { endpoint: current.endpoint });
		await current.unsubscribe();
	}
	return 'off';
}

/** On start: keep the server's record of this device (its language, its owner) up to date. */
export async function refreshSubscription(locale: string): Promise<void> {
	if (!pushSupported() || Notification.permission !== 'granted') return;
	const current = await subscription();
	if (current) await tellServer('POST', { ...current.toJSON(), locale });
}
