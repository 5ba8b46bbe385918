/**
 * The devices that asked for notifications (issue 7): a browser's PushSubscription checked (only
 * known push services, real key sizes), saved, removed and counted, a few per person.
 */
import { and, count, desc, eq, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { config } from '../config';
import { db } from '../db';
import { pushSubscriptions, PUSH_LOCALES } from '../db/schema';
import { newId } from '../ids';
import type { SessionUser } from '../auth';
import { LOCALES, type Locale } from '../../shared/locales';

/** The language a device subscribed in, as stored (Danish or English: the column's CHECK allows those). */
export type PushLocale = (typeof PUSH_LOCALES)[number];

const base64url = (bytes: number) =>
	z
		.string()
		.max(200)
		.regex(/^[A-Za-z0-9_-]+={0,2}$/)
		.refine((v) => Buffer.from(v, 'base64url').length === bytes);

/**
 * The push services of the browsers people use (Chrome and Android, Firefox, Safari, Edge), by
 * host name or, for services with many hosts, by the domain they end in. Every notice makes the
 * server connect to each subscription's address, so no other address is ever taken: a
 * subscription cannot point the server at an intranet host or port.
 */
const PUSH_SERVICE_HOSTS = ['fcm.googleapis.com', 'android.googleapis.com', 'updates.push.services.mozilla.com', 'web.push.apple.com'];
const PUSH_SERVICE_DOMAINS = ['.push.apple.com', '.notify.windows.com'];

/** At most this many devices get notices per person; a new one replaces the oldest. */
export const MAX_SUBSCRIPTIONS_PER_PERSON = 5;

/** A known push service: https on port 443, a known host, no user or password in the address. */
function isPushServiceUrl(value: string): boolean {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}
	const host = url.hostname.toLowerCase();
	const known =
		PUSH_SERVICE_HOSTS.includes(host) ||
		config.pushServiceHosts.includes(host) ||
		PUSH_SERVICE_DOMAINS.some((domain) => host.endsWith(domain));
	return url.protocol === 'https:' && url.port === '' && !url.username && !url.password && known;
}

/** A browser's PushSubscription (its toJSON()), plus the language the notices should use. */
export const subscriptionInput = z.object({
	endpoint: z.string().max(2000).refine(isPushServiceUrl),
	keys: z.object({
		/** The device's P-256 public key: 65 bytes, uncompressed. */
		p256dh: base64url(65),
		/** The shared authentication secret: 16 bytes. */
		auth: base64url(16)
	}),
	/**
	 * The page's language when subscribing. Stored as Danish or English, a fallback only: a notice
	 * is written in the language stored on the account (issue 16) whenever there is one.
	 */
	locale: z
		.enum(LOCALES as [Locale, ...Locale[]])
		.default('da')
		.transform((l): PushLocale => (l === 'en' ? 'en' : 'da'))
});
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

export const unsubscriptionInput = z.object({ endpoint: z.string().max(2000) });

/**
 * Turns notifications on for this device. The endpoint identifies the device: if someone else
 * was subscribed on it (a shared phone), it now belongs to the actor alone.
 */
export function saveSubscription(actor: SessionUser, input: SubscriptionInput, now = new Date()) {
	const values = { userId: actor.id, p256dh: input.keys.p256dh, auth: input.keys.auth, locale: input.locale };
	db().transaction((tx) => {
		tx.insert(pushSubscriptions)
			.values({ id: newId(), endpoint: input.endpoint, createdAt: now, ...values })
			.onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
			.run();
		// A person has a few devices: beyond the limit the oldest subscriptions go.
		const keep = tx
			.select({ id: pushSubscriptions.id })
			.from(pushSubscriptions)
			.where(eq(pushSubscriptions.userId, actor.id))
			.orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id))
			.limit(MAX_SUBSCRIPTIONS_PER_PERSON)
			.all()
			.map((r) => r.id);
		tx.delete(pushSubscriptions)
			.where(and(eq(pushSubscriptions.userId, actor.id), notInArray(pushSubscriptions.id, keep)))
			.run();
	});
}

/** Turns notifications off for this device (only the actor's own subscription). */
export function removeSubscription(actor: SessionUser, endpoint: string): boolean {
	const result = db()
		.delete(pushSubscriptions)
		.where(and(eq(pushSubscriptions.userId, actor.id), eq(pushSubscriptions.endpoint, endpoint)))
		.run();
	return result.changes > 0;
}

/** Turns notifications off on every device of the actor's. Returns how many there were. */
export function removeAllSubscriptions(actor: SessionUser): number {
	return db().delete(pushSubscriptions).where(eq(pushSubscriptions.userId, actor.id)).run().changes;
}

/** How many devices get notifications for the actor. */
export function subscriptionCount(actor: SessionUser): number {
	return db().select({ n: count() }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, actor.id)).get()?.n ?? 0;
}
