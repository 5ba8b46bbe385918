/**
 * Web Push (issue 7): the devices that asked for notifications, the server's VAPID keys, and
 * sending a notice that something is new.
 *
 * - A notice never carries content: only "you have a new message in Minvej" (in the language the
 *   device subscribed in) and where to open the app. The push service sees nothing more, and
 *   neither does anyone looking at a locked phone.
 * - The VAPID key pair comes from VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, or is made on the first
 *   start and kept in the database: browsers bind their subscriptions to the public key.
 * - The request is built (encrypted with aes128gcm, signed with VAPID) by the web-push library
 *   and sent with fetch; a subscription the push service reports gone (404/410) is removed.
 */
import { and, count, desc, eq, isNull, notInArray } from 'drizzle-orm';
import { createECDH } from 'node:crypto';
import { z } from 'zod';
import {
	app_name,
	pwa_push_checkin,
	pwa_push_consent_cosign,
	pwa_push_guide_changed,
	pwa_push_guide_request,
	pwa_push_low_checkin,
	pwa_push_meeting,
	pwa_push_message
} from '../../paraglide/messages.js';
import { config } from '../config';
import { db } from '../db';
import { messageThreads, parentLinks, pushSubscriptions, users, vapidKeys, PUSH_LOCALES, type Role } from '../db/schema';
import { newId } from '../ids';
import { getSettings } from '../settings';
import type { SessionUser } from '../auth';
import type { MessageView } from '../../shared/messages';
import { LOCALES, isLocaleName, textDirection, type Locale } from '../../shared/locales';

/** What a notice can be about. */
export const PUSH_KINDS = ['message', 'guideRequest', 'consentCosign', 'checkin', 'guideChanged', 'meeting', 'lowCheckin'] as const;
export type PushKind = (typeof PUSH_KINDS)[number];
/** The language a device subscribed in, as stored (Danish or English: the column's CHECK allows those). */
export type PushLocale = (typeof PUSH_LOCALES)[number];

/** What the service worker receives (decrypted on the device). */
export interface PushPayload {
	kind: PushKind;
	title: string;
	body: string;
	/** The notice's language and direction (showNotification's `lang` and `dir`). */
	lang: Locale;
	dir: 'ltr' | 'rtl';
	/** Where a tap on the notice opens the app (a path on this site). */
	url: string;
}

export interface NotifyResult {
	sent: number;
	removed: number;
	failed: number;
}

/** A push service that does not answer within this time counts as failed. */
const SEND_TIMEOUT_MS = 10_000;
/** A notice not delivered within a day is dropped by the push service: it would be stale. */
const TIME_TO_LIVE_S = 24 * 60 * 60;

// ---- VAPID keys ----------------------------------------------------------------------------------

let cachedKeys: { publicKey: string; privateKey: string } | undefined;

/**
 * The server's VAPID key pair: configured, or stored, or made now and stored. Two processes
 * starting at once both insert "or ignore" and then read the one row that won.
 */
export function ensureVapidKeys(): { publicKey: string; privateKey: string } {
	if (cachedKeys) return cachedKeys;
	const configured = { publicKey: config.vapidPublicKey, privateKey: config.vapidPrivateKey };
	if (configured.publicKey && configured.privateKey) {
		cachedKeys = { publicKey: configured.publicKey, privateKey: configured.privateKey };
		return cachedKeys;
	}
	if (configured.publicKey || configured.privateKey) {
		throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (then a pair is made and stored)');
	}
	const made = generateVapidKeys();
	db().insert(vapidKeys).values({ id: 1, publicKey: made.publicKey, privateKey: made.privateKey }).onConflictDoNothing().run();
	const row = db().select().from(vapidKeys).where(eq(vapidKeys.id, 1)).get();
	if (!row) throw new Error('The VAPID key pair could not be stored');
	cachedKeys = { publicKey: row.publicKey, privateKey: row.privateKey };
	return cachedKeys;
}

/** A new P-256 key pair, as web-push's generateVAPIDKeys makes it (base64url, raw points). */
function generateVapidKeys() {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const secret = ecdh.getPrivateKey();
	// A secret with leading zero bytes comes out shorter: pad it to 32 bytes.
	const privateKey = Buffer.concat([Buffer.alloc(Math.max(0, 32 - secret.length)), secret]);
	return { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: privateKey.toString('base64url') };
}

/** For tests: forget the keys read so far (another database, other configuration). */
export function forgetVapidKeys() {
	cachedKeys = undefined;
}

/** The public key browsers subscribe with (applicationServerKey). */
export function vapidPublicKey(): string {
	return ensureVapidKeys().publicKey;
}

/** Who runs this server, for the push services: configured, else the youth unit's e-mail. */
function vapidSubject(): string {
	if (config.vapidSubject) return config.vapidSubject;
	const email = getSettings().unitEmail;
	return email ? `mailto:${email}` : 'mailto:minvej@invalid.invalid';
}

// ---- Subscriptions -------------------------------------------------------------------------------

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

// ---- Sending -------------------------------------------------------------------------------------

/** Where a notice opens the app, by the recipient's role. */
function targetUrl(role: Role, kind: PushKind): string {
	const staff = role === 'guide' || role === 'coordinator' || role === 'caseworker';
	switch (kind) {
		case 'message':
			return staff ? '/staff/messages' : '/messages';
		case 'guideRequest':
			return staff ? '/staff/requests' : role === 'parent' ? '/parent' : '/guide';
		case 'consentCosign':
			return role === 'parent' ? '/parent' : '/consent';
		case 'checkin':
			return '/';
		case 'guideChanged':
			return role === 'parent' ? '/parent' : '/guide';
		case 'meeting':
			return '/plan';
		case 'lowCheckin':
			// The list, where the flag is (and the coordinator's low answers without follow-up).
			return '/staff';
	}
}

/** The notice's text: says that something is new, never what. */
export function pushPayload(kind: PushKind, role: Role, locale: Locale): PushPayload {
	const text = {
		message: pwa_push_message,
		guideRequest: pwa_push_guide_request,
		consentCosign: pwa_push_consent_cosign,
		checkin: pwa_push_checkin,
		guideChanged: pwa_push_guide_changed,
		meeting: pwa_push_meeting,
		lowCheckin: pwa_push_low_checkin
	}[kind];
	return {
		kind,
		title: app_name({}, { locale }),
		body: text({}, { locale }),
		lang: locale,
		dir: textDirection(locale),
		url: targetUrl(role, kind)
	};
}

/**
 * Tells every device of the user's that something of this kind is new. Never throws (callers
 * fire and forget); answers how many notices went out, how many subscriptions were gone and
 * removed, and how many failed for now.
 */
export async function notifyUser(userId: string, kind: PushKind): Promise<NotifyResult> {
	const result: NotifyResult = { sent: 0, removed: 0, failed: 0 };
	try {
		const user = db()
			.select({ role: users.role, disabledAt: users.disabledAt, locale: users.locale })
			.from(users)
			.where(eq(users.id, userId))
			.get();
		if (!user || user.disabledAt) return result;
		const subscriptions = db().select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).all();
		if (subscriptions.length === 0) return result;
		const vapidDetails = { subject: vapidSubject(), ...ensureVapidKeys() };
		await Promise.all(
			subscriptions.map(async (s) => {
				// The language stored on the account; else the one the device subscribed in.
				const locale = isLocaleName(user.locale) ? user.locale : s.locale;
				const outcome = await sendOne(s, JSON.stringify(pushPayload(kind, user.role, locale)), kind, vapidDetails);
				result[outcome]++;
			})
		);
	} catch (e) {
		console.error('Minvej: push notification failed', e);
		result.failed++;
	}
	return result;
}

/**
 * A new message: the other side of the conversation gets a notice (the young person, or their
 * guide, or the youth unit's coordinators while they have no guide). Never the text.
 */
export async function notifyNewMessage(message: Pick<MessageView, 'threadId' | 'senderId' | 'side'>): Promise<NotifyResult> {
	const thread = db()
		.select({ youthId: messageThreads.youthId, guideId: messageThreads.guideId })
		.from(messageThreads)
		.where(eq(messageThreads.id, message.threadId))
		.get();
	if (!thread) return { sent: 0, removed: 0, failed: 0 };
	const recipients =
		message.side === 'staff'
			? [thread.youthId]
			: thread.guideId
				? [thread.guideId]
				: db()
						.select({ id: users.id })
						.from(users)
						.where(and(eq(users.role, 'coordinator'), isNull(users.disabledAt)))
						.all()
						.map((u) => u.id);
	return notifyAll(
		recipients.filter((id) => id !== message.senderId),
		'message'
	);
}

/** Notifies each user once and adds up what happened. */
async function notifyAll(userIds: Iterable<string>, kind: PushKind): Promise<NotifyResult> {
	const total: NotifyResult = { sent: 0, removed: 0, failed: 0 };
	for (const result of await Promise.all([...new Set(userIds)].map((id) => notifyUser(id, kind)))) {
		total.sent += result.sent;
		total.removed += result.removed;
		total.failed += result.failed;
	}
	return total;
}

/**
 * A guide request was decided (approved, declined, another guide suggested): the young person
 * gets a notice, and so does the parent who sent the request on their behalf.
 */
export function notifyRequestDecided(request: { youthId: string; requestedBy: string }): Promise<NotifyResult> {
	return notifyAll([request.youthId, request.requestedBy], 'guideRequest');
}

/** The young people's guide changed because their guide left (a hand-over): each gets a notice. */
export function notifyGuideChanged(youthIds: string[]): Promise<NotifyResult> {
	return notifyAll(youthIds, 'guideChanged');
}

/** A consent given under the self-consent age waits: every linked custody holder gets a notice. */
export function notifyConsentWaiting(youthId: string): Promise<NotifyResult> {
	const holders = db()
		.select({ id: parentLinks.parentId })
		.from(parentLinks)
		.where(and(eq(parentLinks.youthId, youthId), eq(parentLinks.custody, true)))
		.all();
	return notifyAll(
		holders.map((h) => h.id),
		'consentCosign'
	);
}

/** New check-ins fell due: each young person gets one notice ("Hvordan går det?" waits on /). */
export function notifyCheckinsDue(checkins: { youthId: string }[]): Promise<NotifyResult> {
	return notifyAll(
		checkins.map((c) => c.youthId),
		'checkin'
	);
}

/**
 * A young person answered a check-in low (issue 20): their guide gets a notice at once, and the
 * youth unit's coordinators too (`unit`) while there is no guide or the guide is away. The notice
 * says that an answer needs attention, never whose or what.
 */
export function notifyLowCheckin(to: { guideId: string | null; unit: boolean }): Promise<NotifyResult> {
	const coordinators = to.unit
		? db()
				.select({ id: users.id })
				.from(users)
				.where(and(eq(users.role, 'coordinator'), isNull(users.disabledAt)))
				.all()
				.map((u) => u.id)
		: [];
	return notifyAll([...(to.guideId ? [to.guideId] : []), ...coordinators], 'lowCheckin');
}

/** Meetings tomorrow: each young person gets one notice ("Du har et møde i morgen"), no details. */
export function notifyMeetingsTomorrow(meetings: { youthId: string }[]): Promise<NotifyResult> {
	return notifyAll(
		meetings.map((m) => m.youthId),
		'meeting'
	);
}

async function sendOne(
	s: typeof pushSubscriptions.$inferSelect,
	payload: string,
	kind: PushKind,
	vapidDetails: { subject: string; publicKey: string; privateKey: string }
): Promise<keyof NotifyResult> {
	try {
		// Loaded on the first notice only (it is big, and most processes never send one).
		const { default: webpush } = await import('web-push');
		const request = webpush.generateRequestDetails({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
			vapidDetails,
			TTL: TIME_TO_LIVE_S,
			contentEncoding: 'aes128gcm',
			// A low check-in answer should reach the guide's phone even when it saves battery.
			urgency: kind === 'lowCheckin' ? 'high' : 'normal',
			// A newer notice of the same kind replaces one the phone has not fetched yet.
			topic: kind
		});
		const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
		const response = await fetch(request.endpoint, {
			method: 'POST',
			headers,
			body: request.body ? new Uint8Array(request.body) : undefined,
			redirect: 'error',
			signal: AbortSignal.timeout(SEND_TIMEOUT_MS)
		});
		await response.body?.cancel();
		if (response.ok) return 'sent';
		if (response.status === 404 || response.status === 410) {
			db().delete(pushSubscriptions).where(eq(pushSubscriptions.id, s.id)).run();
			return 'removed';
		}
		console.warn(`Minvej: a push service answered ${response.status}`);
		return 'failed';
	} catch (e) {
		console.warn('Minvej: a push service could not be reached', e instanceof Error ? e.message : e);
		return 'failed';
	}
}
