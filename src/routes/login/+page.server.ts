import { fail, redirect } from '@sveltejs/kit';
import { logIn } from '$lib/server/auth';
import { sessionCookieOptions } from '$lib/server/auth';
import { SESSION_COOKIE } from '$lib/server/auth';
import { endSession } from '$lib/server/auth';
import { recordSessionDevice } from '$lib/server/auth';
import { field, safeNext } from '$lib/server/http';
import { homeFor } from '$lib/server/auth';
import { getSettings } from '$lib/server/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), homeFor(locals.user.role)));
	const { unitPhone } = getSettings();
	return { unitPhone, loggedOut: url.searchParams.has('loggedOut') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await request.formData();
		const username = field(form, 'username').slice(0, 100);
		const password = typeof form.get('password') === 'string' ? String(form.get('password')) : '';
		if (!username || !password) return fail(400, { username, error: 'missing' as const });

		const result = await logIn(username, password.slice(0, 1000), getClientAddress());
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
		redirect(303, safeNext(url.searchParams.get('next'), homeFor(result.role)));
	}
};
