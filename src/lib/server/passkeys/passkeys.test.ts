import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { passkeys, sessions, signInRequests, users } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';
import { CHALLENGE_LIFETIME_MS, storeChallenge, takeChallenge } from './challenges';
import { listPasskeys, removePasskey } from './manage';
import { startPasskeyRegistration } from './register';
import { counterRises, finishPasskeySignIn, startPasskeySignIn } from './sign-in';
import { siteOf } from './site';

const site = siteOf(new URL('http://localhost:4173/login'));

let db: Db;
beforeEach(async () => {
	db = await freshDemoDatabase();
});

/** A software authenticator: an ES256 key pair whose public half is stored as a passkey of `username`. */
function addSoftPasskey(username: string, id = 'cred-' + username, counter = 0) {
	const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const jwk = publicKey.export({ format: 'jwk' });
	const cose = isoCBOR.encode(
		new Map<number, number | Uint8Array>([
			[1, 2],
			[3, -7],
			[-1, 1],
			[-2, Buffer.from(jwk.x!, 'base64url')],
			[-3, Buffer.from(jwk.y!, 'base64url')]
		])
	);
	const user = demoUser(db, username);
	db.insert(passkeys)
		.values({ id, userId: user.id, publicKey: Buffer.from(cose), counter, label: 'Chrome|Android' })
		.run();
	return { id, privateKey, userId: user.id };
}

/** What the phone answers to a sign-in challenge: signed with the key, reporting `counter`. */
function answer(key: { id: string; privateKey: KeyObject; userId: string }, challenge: string, counter: number, origin = site.origin) {
	const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin, crossOrigin: false }));
	const rpIdHash = createHash('sha256').update(site.rpID).digest();
	const count = Buffer.alloc(4);
	count.writeUInt32BE(counter);
	const authenticatorData = Buffer.concat([rpIdHash, Buffer.from([0x05]), count]); // user present + verified
	const signature = sign(
		'sha256',
		Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]),
		key.privateKey
	);
	return {
		id: key.id,
		rawId: key.id,
		type: 'public-key',
		clientExtensionResults: {},
		response: {
			clientDataJSON: clientDataJSON.toString('base64url'),
			authenticatorData: authenticatorData.toString('base64url'),
			signature: signature.toString('base64url'),
			userHandle: Buffer.from(key.userId).toString('base64url')
		}
	};
}

describe('passkey challenges', () => {
	it('are used once', () => {
		storeChallenge('passkey-sign-in', 'c1', null);
		expect(takeChallenge('passkey-sign-in', 'c1', null)).toBe(true);
		expect(takeChallenge('passkey-sign-in', 'c1', null)).toBe(false);
	});

	it('expire', () => {
		const t = new Date('2026-01-01T10:00:00Z');
		storeChallenge('passkey-sign-in', 'c2', null, t);
		expect(takeChallenge('passkey-sign-in', 'c2', null, new Date(t.getTime() + CHALLENGE_LIFETIME_MS))).toBe(false);
	});

	it('answer only their kind and, for a registration, only their person', () => {
		const freja = demoUser(db, 'freja');
		const oliver = demoUser(db, 'oliver');
		storeChallenge('passkey-register', 'c3', freja.id);
		expect(takeChallenge('passkey-sign-in', 'c3', null)).toBe(false);
		expect(takeChallenge('passkey-register', 'c3', oliver.id)).toBe(false);
		expect(takeChallenge('passkey-register', 'c3', freja.id)).toBe(true);
	});

	it('are stored by the start of a registration, with userVerification required and a discoverable key', async () => {
		const freja = demoUser(db, 'freja');
		const options = await startPasskeyRegistration(freja, site);
		expect(options.rp.id).toBe('localhost');
		expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
		const row = db.select().from(signInRequests).where(eq(signInRequests.id, options.challenge)).get();
		expect(row).toMatchObject({ kind: 'passkey-register', userId: freja.id, usedAt: null });
	});
});

describe('signing in with a passkey', () => {
	it('starts a session for the passkey’s person, and refuses the same answer twice', async () => {
		const key = addSoftPasskey('freja');
		const { challenge } = await startPasskeySignIn(site);
		const response = answer(key, challenge, 1);
		const result = await finishPasskeySignIn(site, response);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.role).toBe('youth');
		const sessionId = result.token.split('.')[0]!;
		expect(db.select().from(sessions).where(eq(sessions.id, sessionId)).get()?.userId).toBe(key.userId);
		expect(db.select().from(passkeys).where(eq(passkeys.id, key.id)).get()?.counter).toBe(1);
		// A replay of the very same answer: its challenge is used.
		expect((await finishPasskeySignIn(site, response)).ok).toBe(false);
	});

	it('refuses a counter that does not rise (a copied passkey)', async () => {
		const key = addSoftPasskey('freja', 'cred-counter', 5);
		const { challenge } = await startPasskeySignIn(site);
		expect((await finishPasskeySignIn(site, answer(key, challenge, 5))).ok).toBe(false);
		const next = await startPasskeySignIn(site);
		expect((await finishPasskeySignIn(site, answer(key, next.challenge, 6))).ok).toBe(true);
	});

	it('refuses a challenge it never gave, an expired one, and another origin', async () => {
		const key = addSoftPasskey('freja');
		expect((await finishPasskeySignIn(site, answer(key, 'made-up', 1))).ok).toBe(false);
		const t = new Date('2026-01-01T10:00:00Z');
		const old = await startPasskeySignIn(site, t);
		expect(
			(await finishPasskeySignIn(site, answer(key, old.challenge, 1), undefined, new Date(t.getTime() + CHALLENGE_LIFETIME_MS + 1))).ok
		).toBe(false);
		const fresh = await startPasskeySignIn(site);
		expect((await finishPasskeySignIn(site, answer(key, fresh.challenge, 2, 'https://evil.example'))).ok).toBe(false);
	});

	it('refuses a disabled account', async () => {
		const key = addSoftPasskey('freja');
		db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, key.userId)).run();
		const { challenge } = await startPasskeySignIn(site);
		expect((await finishPasskeySignIn(site, answer(key, challenge, 1))).ok).toBe(false);
	});

	it('refuses a removed passkey, and garbage', async () => {
		const key = addSoftPasskey('freja');
		expect(removePasskey(demoUser(db, 'freja'), key.id)).toBe(true);
		const { challenge } = await startPasskeySignIn(site);
		expect((await finishPasskeySignIn(site, answer(key, challenge, 1))).ok).toBe(false);
		expect((await finishPasskeySignIn(site, { id: 'x' })).ok).toBe(false);
		expect((await finishPasskeySignIn(site, null)).ok).toBe(false);
	});

	it('counts a counter as rising only when it does (0 and 0: the phone keeps none)', () => {
		expect(counterRises(0, 0)).toBe(true);
		expect(counterRises(0, 1)).toBe(true);
		expect(counterRises(3, 3)).toBe(false);
		expect(counterRises(3, 2)).toBe(false);
		expect(counterRises(3, 0)).toBe(false);
	});
});

describe('one’s own passkeys', () => {
	it('lists only one’s own and removes only one’s own', () => {
		const freja = demoUser(db, 'freja');
		const oliver = demoUser(db, 'oliver');
		const hers = addSoftPasskey('freja');
		const his = addSoftPasskey('oliver');
		expect(listPasskeys(freja).map((p) => p.id)).toEqual([hers.id]);
		expect(listPasskeys(freja)[0]).toMatchObject({ browser: 'Chrome', system: 'Android' });
		expect(removePasskey(freja, his.id)).toBe(false);
		expect(listPasskeys(oliver).map((p) => p.id)).toEqual([his.id]);
		expect(removePasskey(oliver, his.id)).toBe(true);
		expect(listPasskeys(oliver)).toEqual([]);
	});

	it('are for young people and parents, not staff', () => {
		expect(() => listPasskeys(demoUser(db, 'mette'))).toThrow();
		expect(listPasskeys(demoUser(db, 'karen'))).toEqual([]);
	});
});
