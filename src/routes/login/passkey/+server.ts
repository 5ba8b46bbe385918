import { json } from '@sveltejs/kit';
import {
	DEVICE_COOKIE,
	DEVICE_LIFETIME_MS,
	endSession,
	homeFor,
	recordSessionDevice,
	SESSION_COOKIE,
	sessionCookieOptions,
	takeSignInStart
} from '$lib/server/auth';
import { safeNext } from '$lib/server/http';
import { finishPasskeySignIn, readPasskeyRequest, siteOf, startPasskeySignIn } from '$lib/server/passkeys';
import type { RequestHandler } from './$types';

/**
 * Signing in with the phone's screen lock (a passkey): `{ start: true }` answers the options for
 * navigator.credentials.get; `{ response }` checks the phone's answer and starts a session the way
 * the password login does (the old session ends, the device is remembered).
 */
export const POST: RequestHandler = async ({ request, url, cookies, locals, getClientAddress }) => {
	const body = await readPasskeyRequest(request, url);
	if (!body.ok) return json({ error: body.error }, { status: body.status });
	const site = siteOf(url);
	if (body.value.start === true) {
		const wait = await takeSignInStart(getClientAddress());
		if (wait) return json({ error: 'throttled' }, { status: 429, headers: { 'retry-after': String(wait) } });
		return json(await startPasskeySignIn(site));
	}
	const result = await finishPasskeySignIn(site, body.value.response, cookies.get(DEVICE_COOKIE));
	if (!result.ok) return json({ error: 'refused' }, { status: 400 });
	// Never carry an old session over a login.
	endSession(locals.sessionId, cookies);
	recordSessionDevice(result.token.split('.')[0]!, request.headers.get('user-agent'));
	cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(result.expiresAt));
	cookies.set(DEVICE_COOKIE, result.deviceToken, sessionCookieOptions(new Date(Date.now() + DEVICE_LIFETIME_MS)));
	return json({ redirect: safeNext(body.value.next, homeFor(result.role)) });
};
