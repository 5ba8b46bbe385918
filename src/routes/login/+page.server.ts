import { fail, redirect } from '@sveltejs/kit';
import {
	DEVICE_COOKIE,
	DEVICE_LIFETIME_MS,
	endSession,
	homeFor,
	logIn,
	recordSessionDevice,
	SESSION_COOKIE,
	sessionCookieOptions
} from '$lib/server/auth';
import { field, safeNext } from '$lib/server/http';
import { getSettings } from '$lib/server/settings';
import { signInButtons } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), homeFor(locals.user.role)));
	const { unitPhone } = getSettings();
	return {
		unitPhone,
		loggedOut: url.searchParams.has('loggedOut'),
		providers: signInButtons(),
		// Too many sign-ins started from this address (a provider's button or link): wait a minute.
		busy: url.searchParams.has('busy')
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await request.formData();
		const username = field(form, 'username').slice(0, 100);
		const password = typeof form.get('password') === 'string' ? String(form.get('password')) : '';
		if (!username || !password) return fail(400, { username, error: 'missing' as const });

		const result = await logIn(username, password.slice(0, 1000), getClientAddress(), cookies.get(DEVICE_COOKIE));
		if (!result.ok) {
			if (result.reason === 'throttled') {
				return fail(429, {
					username,
					error: 'throttled' as const,
					minutes: Math.ceil(result.retryAfterSeconds / 60)
				});
			}
			return fail(400, { username, error: 'invalid' as const });
		}
		// Never carry an old session over a login.
		endSession(locals.sessionId, cookies);
		// For "signed in on these devices" (/settings/sessions): the browser and system, no more.
		recordSessionDevice(result.token.split('.')[0]!, request.headers.get('user-agent'));
		cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(result.expiresAt));
		cookies.set(DEVICE_COOKIE, result.deviceToken, sessionCookieOptions(new Date(Date.now() + DEVICE_LIFETIME_MS)));
		redirect(303, safeNext(url.searchParams.get('next'), homeFor(result.role)));
	}
};
