import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../db/client';
import { guideProfiles, planSteps, plans, pushSubscriptions, vapidKeys } from '../db/schema';
import { demoUser, freshDemoDatabase, MIGRATIONS } from '../testing';
import { notifyUser, PUSH_KINDS, pushPayload } from './notify';
import {
	MAX_SUBSCRIPTIONS_PER_PERSON,
	removeAllSubscriptions,
	removeSubscription,
	saveSubscription,
	subscriptionCount,
	subscriptionInput
} from './subscriptions';
import { ensureVapidKeys, forgetVapidKeys } from './vapid';
import { decryptPush, startPushService, subscribeDevice, verifyVapid, type ReceivedPush } from './push-service.testing';
import { sendMessage } from '../messages';
import { sendRequest } from '../guides';
import { approveRequest, declineRequest } from '../guides';
import { giveConsent } from '../consent';
import { answerConsentRequest, askForConsent } from '../consent';
import { wordingVersionFor } from '../consent';
import { answerCheckin, myCheckin, setRhythm, syncCheckins } from '../followup';
import { todayIso } from '../dates';
import { saveLocale } from '../auth';
import { disputeStep, markStepAgreed } from '../plan';

/** Waits until the push service has received `count` requests, then a little longer for strays. */
async function received(service: { received: ReceivedPush[] }, count: number, patience = 5000) {
	for (let waited = 0; service.received.length < count && waited < patience; waited += 25) await new Promise((r) => setTimeout(r, 25));
	await new Promise((r) => setTimeout(r, 300));
	return service.received;
}

let database: Db;
beforeEach(async () => {
	forgetVapidKeys();
	database = await freshDemoDatabase();
});
afterEach(() => {
	delete process.env.VAPID_PUBLIC_KEY;
	delete process.env.VAPID_PRIVATE_KEY;
	forgetVapidKeys();
});

const browserSubscription = (endpoint: string) => ({
	endpoint,
	keys: { p256dh: Buffer.alloc(65, 4).toString('base64url'), auth: Buffer.alloc(16, 1).toString('base64url') },
	locale: 'da'
});

describe('VAPID keys', () => {
	it('are made on first use, stored, and the same after a restart', () => {
		expect(database.select().from(vapidKeys).all()).toHaveLength(0);
		const first = ensureVapidKeys();
		expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
		const stored = database.select().from(vapidKeys).all();
		expect(stored).toEqual([expect.objectContaining({ id: 1, publicKey: first.publicKey, privateKey: first.privateKey })]);

		// A new process on the same file reads the same pair.
		forgetVapidKeys();
		const reopened = openDatabase(database.$client.name, { migrationsFolder: MIGRATIONS });
		expect(reopened.select().from(vapidKeys).get()?.publicKey).toBe(first.publicKey);
		expect(ensureVapidKeys()).toEqual(first);
		reopened.$client.close();
	});

	it('come from the configuration when set, and are then not stored', () => {
		process.env.VAPID_PUBLIC_KEY = 'BPublicFromConfig';
		process.env.VAPID_PRIVATE_KEY = 'privateFromConfig';
		expect(ensureVapidKeys()).toEqual({ publicKey: 'BPublicFromConfig', privateKey: 'privateFromConfig' });
		expect(database.select().from(vapidKeys).all()).toHaveLength(0);
	});

	it('refuse half a configured pair', () => {
		process.env.VAPID_PUBLIC_KEY = 'BPublicFromConfig';
		expect(() => ensureVapidKeys()).toThrow(/both/);
	});
});

describe('subscriptions', () => {
	it('accept only public https push services', () => {
		for (const endpoint of [
			'https://fcm.googleapis.com/fcm/send/abc',
			'https://updates.push.services.mozilla.com/wpush/v2/abc',
			'https://web.push.apple.com/QGZ3abc',
			'https://wns2-par02p.notify.windows.com/w/?token=abc'
		]) {
			expect(subscriptionInput.safeParse(browserSubscription(endpoint)).success, endpoint).toBe(true);
		}
		for (const endpoint of [
			'http://fcm.googleapis.com/fcm/send/abc',
			'https://localhost/push',
			'https://127.0.0.1/push',
			'https://[::1]/push',
			'https://intranet/push',
			'https://user:pw@push.example.com/x',
			'javascript:alert(1)',
			// Internal hosts and ports: every notice would make the server connect there.
			'https://intranet.kommune.test:8443/admin/restart',
			'https://fcm.googleapis.com:8443/fcm/send/abc',
			'https://push.example.com/a',
			'https://fcm.googleapis.com.evil.example/x',
			'https://evilpush.apple.com.example/x'
		]) {
			expect(subscriptionInput.safeParse(browserSubscription(endpoint)).success, endpoint).toBe(false);
		}
		const badKey = { ...browserSubscription('https://push.example.com/a'), keys: { p256dh: 'short', auth: 'x' } };
		expect(subscriptionInput.safeParse(badKey).success).toBe(false);
	});

	it('belong to one user per device, and each user removes only their own', () => {
		const freja = demoUser(database, 'freja');
		const amina = demoUser(database, 'amina');
		const input = subscriptionInput.parse(browserSubscription('https://fcm.googleapis.com/fcm/send/device-1'));
		saveSubscription(freja, input);
		saveSubscription(freja, input);
		expect(subscriptionCount(freja)).toBe(1);

		// The shared phone now belongs to amina.
		saveSubscription(amina, { ...input, locale: 'en' });
		expect(subscriptionCount(freja)).toBe(0);
		expect(subscriptionCount(amina)).toBe(1);
		expect(database.select().from(pushSubscriptions).get()?.locale).toBe('en');

		expect(removeSubscription(freja, input.endpoint)).toBe(false);
		expect(subscriptionCount(amina)).toBe(1);
		saveSubscription(amina, subscriptionInput.parse(browserSubscription('https://fcm.googleapis.com/fcm/send/device-2')));
		expect(removeSubscription(amina, input.endpoint)).toBe(true);
		expect(subscriptionCount(amina)).toBe(1);
		expect(removeAllSubscriptions(amina)).toBe(1);
		expect(subscriptionCount(amina)).toBe(0);
	});

	it('are kept for at most a few devices per person: a new one replaces the oldest', () => {
		const freja = demoUser(database, 'freja');
		const start = Date.parse('2026-12-01T10:00:00Z');
		for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_PERSON + 3; i++) {
			saveSubscription(
				freja,
				subscriptionInput.parse(browserSubscription(`https://fcm.googleapis.com/fcm/send/phone-${i}`)),
				new Date(start + i * 1000)
			);
		}
		const kept = database
			.select({ endpoint: pushSubscriptions.endpoint })
			.from(pushSubscriptions)
			.where(eq(pushSubscriptions.userId, freja.id))
			.all();
		expect(kept.map((k) => k.endpoint).sort()).toEqual(
			Array.from({ length: MAX_SUBSCRIPTIONS_PER_PERSON }, (_, k) => `https://fcm.googleapis.com/fcm/send/phone-${k + 3}`).sort()
		);
	});
});

describe('payload', () => {
	it('says only that something is new, in the subscriber’s language', () => {
		expect(pushPayload('message', 'youth', 'da')).toEqual({
			kind: 'message',
			title: 'Minvej',
			body: 'Du har en ny besked i Minvej',
			lang: 'da',
			dir: 'ltr',
			url: '/messages'
		});
		expect(pushPayload('message', 'guide', 'en')).toEqual({
			kind: 'message',
			title: 'Minvej',
			body: 'You have a new message in Minvej',
			lang: 'en',
			dir: 'ltr',
			url: '/staff/messages'
		});
		expect(pushPayload('consentCosign', 'parent', 'da').url).toBe('/parent');
		expect(pushPayload('guideRequest', 'youth', 'da').url).toBe('/guide');
		for (const kind of PUSH_KINDS)
			for (const locale of ['da', 'en'] as const) {
				const payload = pushPayload(kind, 'youth', locale);
				expect(Object.keys(payload).sort()).toEqual(['body', 'dir', 'kind', 'lang', 'title', 'url']);
				expect(payload.body).toMatch(/Minvej$/);
			}
	});
});

describe('notifyUser', () => {
	it('sends one encrypted, VAPID-signed request per device, with nothing but the notice in it', async () => {
		const service = await startPushService();
		try {
			const freja = demoUser(database, 'freja');
			const keys = subscribeDevice(freja.id, `${service.origin}/push/freja-phone`);
			const result = await notifyUser(freja.id, 'message');
			expect(result).toEqual({ sent: 1, removed: 0, failed: 0 });
			expect(service.received).toHaveLength(1);
			const [push] = service.received;
			expect(push!.path).toBe('/push/freja-phone');
			expect(push!.headers['content-encoding']).toBe('aes128gcm');
			expect(push!.headers['ttl']).toBe('86400');
			const claims = verifyVapid(push!.headers['authorization']);
			expect(claims.aud).toBe(service.origin);
			expect(claims.sub).toBe('mailto:ungeenheden@eksempel.dk');
			expect(claims.publicKey).toBe(ensureVapidKeys().publicKey);
			expect(claims.exp * 1000).toBeGreaterThan(Date.now());
			expect(push!.body.toString('latin1')).not.toContain('Minvej');
			expect(JSON.parse(decryptPush(push!.body, keys))).toEqual({
				kind: 'message',
				title: 'Minvej',
				body: 'Du har en ny besked i Minvej',
				lang: 'da',
				dir: 'ltr',
				url: '/messages'
			});
		} finally {
			await service.close();
		}
	});

	it('writes the notice in the language stored on the account (issue 16), whatever the device subscribed in', async () => {
		const service = await startPushService();
		try {
			const freja = demoUser(database, 'freja');
			const karen = demoUser(database, 'karen');
			const frejaKeys = subscribeDevice(freja.id, `${service.origin}/push/freja`, 'da');
			const karenKeys = subscribeDevice(karen.id, `${service.origin}/push/karen`, 'en');
			expect(saveLocale(freja, 'ar')).toBe(true);
			expect(saveLocale(karen, 'uk')).toBe(true);
			await notifyUser(freja.id, 'message');
			await notifyUser(karen.id, 'consentCosign');
			const [toFreja, toKaren] = ['/push/freja', '/push/karen'].map((path) => service.received.find((p) => p.path === path)!);
			expect(JSON.parse(decryptPush(toFreja!.body, frejaKeys))).toEqual({
				...pushPayload('message', 'youth', 'ar'),
				lang: 'ar',
				dir: 'rtl'
			});
			const karenNotice = JSON.parse(decryptPush(toKaren!.body, karenKeys));
			expect(karenNotice).toMatchObject({ lang: 'uk', dir: 'ltr', body: pushPayload('consentCosign', 'parent', 'uk').body });
			// Each is the language's own text, not the Danish or English one.
			expect(pushPayload('message', 'youth', 'ar').body).not.toBe(pushPayload('message', 'youth', 'da').body);
			expect(pushPayload('message', 'youth', 'ar').body).not.toBe(pushPayload('message', 'youth', 'en').body);
			expect(karenNotice.body).not.toBe(pushPayload('consentCosign', 'parent', 'en').body);
			// Staff pages are in Danish and English only: a guide's account does not take Arabic.
			expect(saveLocale(demoUser(database, 'jonas'), 'ar')).toBe(false);
		} finally {
			await service.close();
		}
	});

	it('removes subscriptions the push service reports gone, keeps the others', async () => {
		const status: Record<string, number> = { '/gone': 410, '/unknown': 404, '/busy': 503, '/ok': 201 };
		const service = await startPushService((path) => status[path] ?? 500);
		try {
			const amina = demoUser(database, 'amina');
			for (const path of Object.keys(status)) subscribeDevice(amina.id, `${service.origin}${path}`);
			expect(await notifyUser(amina.id, 'guideRequest')).toEqual({ sent: 1, removed: 2, failed: 1 });
			const left = database
				.select({ endpoint: pushSubscriptions.endpoint })
				.from(pushSubscriptions)
				.where(eq(pushSubscriptions.userId, amina.id))
				.all()
				.map((r) => r.endpoint.slice(service.origin.length))
				.sort();
			expect(left).toEqual(['/busy', '/ok']);
		} finally {
			await service.close();
		}
	});

	it('sends nothing to a user without devices, and never throws on an unreachable service', async () => {
		const noah = demoUser(database, 'noah');
		expect(await notifyUser(noah.id, 'consentCosign')).toEqual({ sent: 0, removed: 0, failed: 0 });
		subscribeDevice(noah.id, 'http://127.0.0.1:9/closed-port');
		expect(await notifyUser(noah.id, 'consentCosign')).toEqual({ sent: 0, removed: 0, failed: 1 });
		expect(await notifyUser('no-such-user', 'message')).toEqual({ sent: 0, removed: 0, failed: 0 });
	});
});

describe('a new message', () => {
	it('produces one encrypted, VAPID-signed push to the other side, without the text', async () => {
		const service = await startPushService();
		try {
			const amina = demoUser(database, 'amina');
			const jonas = demoUser(database, 'jonas');
			const guideKeys = subscribeDevice(jonas.id, `${service.origin}/push/jonas`, 'en');
			const youthKeys = subscribeDevice(amina.id, `${service.origin}/push/amina`);
			const text = 'Hemmelig tekst: jeg har fået en læreplads hos Tømrer Hansen';

			const first = await sendMessage(amina, amina.id, { clientId: 'push-test-0001', body: text });
			expect(first.ok).toBe(true);
			const pushes = await received(service, 1);
			// Only the guide; the sender's own phone gets nothing.
			expect(pushes.map((p) => p.path)).toEqual(['/push/jonas']);
			const [push] = pushes;
			expect(push!.headers['content-encoding']).toBe('aes128gcm');
			expect(verifyVapid(push!.headers['authorization']).aud).toBe(service.origin);
			for (const word of ['Hemmelig', 'læreplads', 'Hansen']) expect(push!.body.toString('latin1')).not.toContain(word);
			const payload = decryptPush(push!.body, guideKeys);
			expect(JSON.parse(payload)).toEqual({
				kind: 'message',
				title: 'Minvej',
				body: 'You have a new message in Minvej',
				lang: 'en',
				dir: 'ltr',
				url: '/staff/messages'
			});
			for (const word of ['Hemmelig', 'læreplads', 'Hansen', 'Amina']) expect(payload).not.toContain(word);

			// The same message again (a retry from the outbox) is stored once and notifies once.
			const again = await sendMessage(amina, amina.id, { clientId: 'push-test-0001', body: text });
			expect(again.ok && again.duplicate).toBe(true);
			expect(await received(service, 2, 700)).toHaveLength(1);

			// The guide answers: the young person's phone gets one notice in Danish.
			await sendMessage(jonas, amina.id, { clientId: 'push-test-0002', body: 'Tillykke! Lad os tale om det i morgen.' });
			const all = await received(service, 2);
			expect(all.map((p) => p.path)).toEqual(['/push/jonas', '/push/amina']);
			expect(JSON.parse(decryptPush(all[1]!.body, youthKeys))).toEqual({
				kind: 'message',
				title: 'Minvej',
				body: 'Du har en ny besked i Minvej',
				lang: 'da',
				dir: 'ltr',
				url: '/messages'
			});
		} finally {
			await service.close();
		}
	});
});

describe('other news', () => {
	/** The decrypted notices a service received, by path. */
	const notices = (pushes: ReceivedPush[], keys: Record<string, ReturnType<typeof subscribeDevice>>) =>
		pushes.map((p) => ({ path: p.path, ...JSON.parse(decryptPush(p.body, keys[p.path]!)) }));

	it('a decided guide request notifies the young person and the parent who asked, without the reason', async () => {
		const service = await startPushService();
		try {
			const [noah, peter, lone] = ['noah', 'peter', 'lone'].map((u) => demoUser(database, u));
			const keys = {
				'/push/noah': subscribeDevice(noah!.id, `${service.origin}/push/noah`),
				'/push/peter': subscribeDevice(peter!.id, `${service.origin}/push/peter`),
				'/push/lone': subscribeDevice(lone!.id, `${service.origin}/push/lone`)
			};
			const sent = sendRequest(peter!, noah!.id, 'pick', { guideId: demoUser(database, 'jonas').id, reason: '' });
			expect(sent.ok).toBe(true);
			// Sending is not news for anyone's phone.
			expect(await received(service, 1, 700)).toHaveLength(0);

			const reason = 'Jonas har ikke plads før til sommer, vi finder en anden sammen';
			expect(declineRequest(lone!, sent.ok ? sent.id : '', { reason })).toEqual({ ok: true });
			const pushes = await received(service, 2);
			expect(notices(pushes, keys).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
				{
					path: '/push/noah',
					kind: 'guideRequest',
					title: 'Minvej',
					body: 'Der er nyt om ønsket om en guide i Minvej',
					lang: 'da',
					dir: 'ltr',
					url: '/guide'
				},
				{
					path: '/push/peter',
					kind: 'guideRequest',
					title: 'Minvej',
					body: 'Der er nyt om ønsket om en guide i Minvej',
					lang: 'da',
					dir: 'ltr',
					url: '/parent'
				}
			]);
			for (const p of pushes) expect(p.body.toString('latin1')).not.toContain('sommer');
			// A refused decision (the request is no longer open) sends nothing more.
			expect(declineRequest(lone!, sent.ok ? sent.id : '', { reason })).toMatchObject({ ok: false });
			expect(await received(service, 3, 700)).toHaveLength(2);
		} finally {
			await service.close();
		}
	});

	it('a consent given under the self-consent age notifies the custody holder; one in force at once does not', async () => {
		const service = await startPushService();
		try {
			const [noah, peter, freja, karen] = ['noah', 'peter', 'freja', 'karen'].map((u) => demoUser(database, u));
			const keys = {
				'/push/peter': subscribeDevice(peter!.id, `${service.origin}/push/peter`, 'en'),
				'/push/karen': subscribeDevice(karen!.id, `${service.origin}/push/karen`)
			};
			const da = { wording: wordingVersionFor('da'), locale: 'da' as const };
			// Freja (17) gives at once: nobody has to co-sign, no notice.
			expect(await giveConsent(freja!, freja!.id, { recipient: 'department:fgu', ...da })).toMatchObject({ status: 'active' });
			expect(await received(service, 1, 700)).toHaveLength(0);

			// Noah (14) gives: it waits for Peter, who holds custody.
			expect(await giveConsent(noah!, noah!.id, { recipient: 'department:uu', ...da })).toMatchObject({ status: 'waiting_cosign' });
			const pushes = await received(service, 1);
			expect(notices(pushes, keys)).toEqual([
				{
					path: '/push/peter',
					kind: 'consentCosign',
					title: 'Minvej',
					body: 'A consent is waiting for your signature in Minvej',
					lang: 'en',
					dir: 'ltr',
					url: '/parent'
				}
			]);
			// Giving the same again changes nothing and sends nothing.
			await giveConsent(noah!, noah!.id, { recipient: 'department:uu', ...da });
			expect(await received(service, 2, 700)).toHaveLength(1);
		} finally {
			await service.close();
		}
	});

	it('a consent request answered "yes" under the self-consent age notifies the custody holder too', async () => {
		const service = await startPushService();
		try {
			const [noah, peter] = ['noah', 'peter'].map((u) => demoUser(database, u));
			const keys = { '/push/peter': subscribeDevice(peter!.id, `${service.origin}/push/peter`) };
			// Noah gets Jonas as his guide, and Jonas asks him for a consent to PPR.
			const [jonas, lone] = ['jonas', 'lone'].map((u) => demoUser(database, u));
			const picked = sendRequest(noah!, noah!.id, 'pick', { guideId: jonas!.id, reason: '' });
			expect(approveRequest(lone!, picked.ok ? picked.id : '', { assign: jonas!.id })).toEqual({ ok: true });
			const asker = jonas!;
			const asked = askForConsent(asker, noah!.id, { department: 'ppr', message: '' });
			expect(asked).toMatchObject({ ok: true });
			const requestId = asked.ok ? asked.requestId : '';
			const answer = await answerConsentRequest(noah!, noah!.id, {
				requestId,
				answer: 'given',
				wording: wordingVersionFor('da'),
				locale: 'da'
			});
			expect(answer).toMatchObject({ ok: true, status: 'waiting_cosign' });
			expect(notices(await received(service, 1), keys).map((n) => n.kind)).toEqual(['consentCosign']);
		} finally {
			await service.close();
		}
	});

	it('a check-in falling due notifies the young person once, and not when they open it themselves', async () => {
		const service = await startPushService();
		try {
			const [freja, mette] = ['freja', 'mette'].map((u) => demoUser(database, u));
			const keys = { '/push/freja': subscribeDevice(freja!.id, `${service.origin}/push/freja`) };
			const start = new Date();
			expect(setRhythm(mette!, freja!.id, { intervalDays: '14', startsOn: todayIso(start), months: '' }, start)).toEqual({ ok: true });
			// Setting the rhythm made today's check-in: one notice.
			const pushes = await received(service, 1);
			expect(notices(pushes, keys)).toEqual([
				{
					path: '/push/freja',
					kind: 'checkin',
					title: 'Minvej',
					body: 'Der er et nyt spørgsmål til dig i Minvej',
					lang: 'da',
					dir: 'ltr',
					url: '/'
				}
			]);
			// The hourly round creates nothing new and sends nothing.
			expect(syncCheckins(undefined, start)).toEqual([]);
			expect(await received(service, 2, 700)).toHaveLength(1);
			// Two weeks on, the next one falls due in the hourly round: one more notice.
			const later = new Date(start.getTime() + 14 * 86_400_000);
			expect(syncCheckins(undefined, later)).toHaveLength(1);
			expect(notices(await received(service, 2), keys).map((n) => n.kind)).toEqual(['checkin', 'checkin']);
			// Freja opening her front page makes no notice for herself: she is already there.
			const muchLater = new Date(start.getTime() + 28 * 86_400_000);
			expect(syncCheckins([freja!.id], muchLater, false)).toHaveLength(1);
			expect(await received(service, 3, 700)).toHaveLength(2);
		} finally {
			await service.close();
		}
	});

	/** Freja answers today's check-in with this score; only the guide's side is subscribed. */
	async function frejaAnswersLow(service: { origin: string }) {
		const [freja, mette, lone] = ['freja', 'mette', 'lone'].map((u) => demoUser(database, u));
		const keys = {
			'/push/mette': subscribeDevice(mette!.id, `${service.origin}/push/mette`),
			'/push/lone': subscribeDevice(lone!.id, `${service.origin}/push/lone`)
		};
		const now = new Date();
		expect(setRhythm(mette!, freja!.id, { intervalDays: '14', startsOn: todayIso(now), months: '' }, now)).toEqual({ ok: true });
		const open = myCheckin(freja!, now)!.open!;
		expect(answerCheckin(freja!, { checkinId: open.id, score: '1', comment: 'Jeg orker ikke mere' }, now)).toMatchObject({ ok: true });
		return keys;
	}

	it('a low check-in answer notifies the guide at once, urgently, without the answer (issue 20)', async () => {
		const service = await startPushService();
		try {
			const keys = await frejaAnswersLow(service);
			const pushes = await received(service, 1);
			expect(pushes).toHaveLength(1);
			expect(pushes[0]!.headers.urgency).toBe('high');
			expect(notices(pushes, keys)).toEqual([
				{
					path: '/push/mette',
					kind: 'lowCheckin',
					title: 'Minvej',
					body: 'Et svar kræver din opmærksomhed i Minvej',
					lang: 'da',
					dir: 'ltr',
					url: '/staff'
				}
			]);
			expect(pushes[0]!.body.toString('latin1')).not.toContain('orker');
		} finally {
			await service.close();
		}
	});

	it('while the guide is away, the youth unit’s coordinator is notified of a low answer too', async () => {
		const service = await startPushService();
		try {
			const today = todayIso(new Date());
			database
				.update(guideProfiles)
				.set({ awayFrom: today, awayUntil: today, awayText: null })
				.where(eq(guideProfiles.userId, demoUser(database, 'mette').id))
				.run();
			const keys = await frejaAnswersLow(service);
			const pushes = notices(await received(service, 2), keys);
			expect(pushes.map((n) => [n.path, n.kind]).sort()).toEqual([
				['/push/lone', 'lowCheckin'],
				['/push/mette', 'lowCheckin']
			]);
		} finally {
			await service.close();
		}
	});

	it('a dispute of an agreed step notifies the guide at once, naming neither the young person nor the step (issue 21)', async () => {
		const service = await startPushService();
		try {
			const [freja, mette] = ['freja', 'mette'].map((u) => demoUser(database, u));
			const keys = { '/push/mette': subscribeDevice(mette!.id, `${service.origin}/push/mette`) };
			const plan = database.select().from(plans).where(eq(plans.youthId, freja!.id)).get()!;
			const step = database.select().from(planSteps).where(eq(planSteps.planId, plan.id)).all()[0]!;
			expect(markStepAgreed(mette!, freja!.id, step.id, String(step.version))).toEqual({ ok: true });
			expect(await received(service, 1, 500)).toHaveLength(0);
			expect(disputeStep(freja!, freja!.id, step.id, { dispute: 'Jeg kan ikke nå det til fredag' })).toEqual({ ok: true });
			const pushes = await received(service, 1);
			expect(notices(pushes, keys)).toEqual([
				{
					path: '/push/mette',
					kind: 'dispute',
					title: 'Minvej',
					body: 'En ung er uenig i et skridt i sin plan. Se det i Minvej',
					lang: 'da',
					dir: 'ltr',
					url: '/staff'
				}
			]);
			// The whole decrypted notice is above: no name, no step, no text of the dispute.
		} finally {
			await service.close();
		}
	});
});
