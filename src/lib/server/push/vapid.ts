/**
 * The server's VAPID key pair (issue 7), which browsers bind their push subscriptions to, and who
 * runs the server for the push services (the VAPID subject).
 */
import { eq } from 'drizzle-orm';
import { createECDH } from 'node:crypto';
import { config } from '../config';
import { db } from '../db';
import { vapidKeys } from '../db/schema';
import { getSettings } from '../settings';

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
export function vapidSubject(): string {
	if (config.vapidSubject) return config.vapidSubject;
	const email = getSettings().unitEmail;
	return email ? `mailto:${email}` : 'mailto:minvej@invalid.invalid';
}
