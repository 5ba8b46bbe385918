/**
 * Test support for Web Push (imported by *.test.ts only): a stand-in push service on a local
 * node:http server, a browser-side subscription with real keys, and the browser's half of the
 * work: checking the VAPID signature and decrypting the aes128gcm body (RFC 8291 / RFC 8188).
 */
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { db } from '../db';
import { pushSubscriptions } from '../db/schema';
import { newId } from '../ids';

export interface ReceivedPush {
	path: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/** A push service answering each request with `status(path)`; it records what it received. */
export async function startPushService(status: (path: string) => number = () => 201) {
	const received: ReceivedPush[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const path = req.url ?? '/';
			received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
			res.statusCode = status(path);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The browser's side of a subscription: its key pair and auth secret. */
export interface BrowserKeys {
	ecdh: ReturnType<typeof createECDH>;
	auth: Buffer;
}

/**
 * Stores a subscription for the user pointing at `endpoint` (straight into the table: the
 * endpoint check in notify.ts admits public https push services only).
 */
export function subscribeDevice(userId: string, endpoint: string, locale: 'da' | 'en' = 'da'): BrowserKeys {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	db()
		.insert(pushSubscriptions)
		.values({
			id: newId(),
			userId,
			endpoint,
			p256dh: ecdh.getPublicKey().toString('base64url'),
			auth: auth.toString('base64url'),
			locale
		})
		.run();
	return { ecdh, auth };
}

/** Checks the `Authorization: vapid t=<jwt>, k=<key>` header; returns the JWT's claims. */
export function verifyVapid(authorization: string | undefined): { aud: string; sub: string; exp: number; publicKey: string } {
	const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
	if (!match) throw new Error(`not a VAPID authorization: ${authorization}`);
	const [jwt, publicKey] = [match[1]!, match[2]!];
	const [header, claims, signature] = jwt.split('.') as [string, string, string];
	const raw = Buffer.from(publicKey, 'base64url');
	const key = createPublicKey({
		key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') },
		format: 'jwk'
	});
	const valid = verify(
		'sha256',
		Buffer.from(`${header}.${claims}`),
		{ key, dsaEncoding: 'ieee-p1363' },
		Buffer.from(signature, 'base64url')
	);
	if (!valid) throw new Error('the VAPID signature does not verify');
	if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'ES256') throw new Error('not ES256');
	return { ...JSON.parse(Buffer.from(claims, 'base64url').toString()), publicKey };
}

/** Decrypts an aes128gcm push body as the browser would (one record). */
export function decryptPush(body: Buffer, keys: BrowserKeys): string {
	const salt = body.subarray(0, 16);
	const idLength = body.readUInt8(20);
	const serverPublic = body.subarray(21, 21 + idLength);
	const ciphertext = body.subarray(21 + idLength);
	const shared = keys.ecdh.computeSecret(serverPublic);
	const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.ecdh.getPublicKey(), serverPublic]);
	const ikm = Buffer.from(hkdfSync('sha256', shared, keys.auth, keyInfo, 32));
	const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
	const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
	const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
	const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
	// The last record ends with the delimiter 0x02 followed by zero padding.
	let end = padded.length - 1;
	while (end >= 0 && padded[end] === 0) end--;
	if (padded[end] !== 2) throw new Error('not the last record of an aes128gcm body');
	return padded.subarray(0, end).toString('utf8');
}
