/**
 * Web Push (issue 7): sending a notice that something is new to every device of a person's
 * (the devices: subscriptions.ts; the keys: vapid.ts).
 *
 * - A notice never carries content: only "you have a new message in Minvej" (in the language the
 *   device subscribed in) and where to open the app. The push service sees nothing more, and
 *   neither does anyone looking at a locked phone.
 * - The VAPID key pair comes from VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, or is made on the first
 *   start and kept in the database: browsers bind their subscriptions to the public key.
 * - The request is built (encrypted with aes128gcm, signed with VAPID) by the web-push library
 *   and sent with fetch; a subscription the push service reports gone (404/410) is removed.
 */
import { and, eq, isNull } from 'drizzle-orm';
import {
	app_name,
	pwa_push_checkin,
	pwa_push_consent_cosign,
	pwa_push_deadline,
	pwa_push_dispute,
	pwa_push_guide_changed,
	pwa_push_guide_request,
	pwa_push_low_checkin,
	pwa_push_meeting,
	pwa_push_message
} from '../../paraglide/messages.js';
import { db } from '../db';
import { messageThreads, parentLinks, pushSubscriptions, users, type Role } from '../db/schema';
import type { MessageView } from '../../shared/messages';
import { isLocaleName, textDirection, type Locale } from '../../shared/locales';
import { ensureVapidKeys, vapidSubject } from './vapid';

/** What a notice can be about. */
export const PUSH_KINDS = [
	'message',
	'guideRequest',
	'consentCosign',
	'checkin',
	'guideChanged',
	'meeting',
	'lowCheckin',
	'deadline',
	'dispute'
] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

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
		case 'deadline':
		case 'dispute':
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
		lowCheckin: pwa_push_low_checkin,
		deadline: pwa_push_deadline,
		dispute: pwa_push_dispute
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

/** The youth unit's coordinators whose accounts are not stopped. */
function activeCoordinators(): string[] {
	return db()
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'coordinator'), isNull(users.disabledAt)))
		.all()
		.map((u) => u.id);
}

/**
 * A young person answered a check-in low (issue 20): their guide gets a notice at once, and the
 * youth unit's coordinators too (`unit`) while there is no guide or the guide is away. The notice
 * says that an answer needs attention, never whose or what.
 */
export function notifyLowCheckin(to: { guideId: string | null; unit: boolean }): Promise<NotifyResult> {
	const coordinators = to.unit ? activeCoordinators() : [];
	return notifyAll([...(to.guideId ? [to.guideId] : []), ...coordinators], 'lowCheckin');
}

/**
 * Legal deadlines (issue 21): each young person's current guide is reminded the working day before
 * one falls due; the coordinators are told when one is overdue. The notice says a deadline needs
 * attention, never whose.
 */
export function notifyDeadlines(to: { guideIds: string[]; coordinators: boolean }): Promise<NotifyResult> {
	const coordinators = to.coordinators ? activeCoordinators() : [];
	return notifyAll([...to.guideIds, ...coordinators], 'deadline');
}

/**
 * A young person disputes an agreed step (issue 21): their guide, who must answer, is told at
 * once. The notice says that a young person disagrees, never who or with what.
 */
export function notifyStepDisputed(guideId: string | null): Promise<NotifyResult> {
	return notifyAll(guideId ? [guideId] : [], 'dispute');
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
