import { fail, redirect } from '@sveltejs/kit';
import { homeFor } from '$lib/server/auth';
import { field } from '$lib/server/http';
import { findPendingLink, LINK_COOKIE, linkCookieOptions, linkWithCode, startProviderSession } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

/** After a young person's or parent's first sign-in with a provider: their invite or sign-in code, once. */
export const load: PageServerLoad = ({ cookies }) => {
	const pending = findPendingLink(cookies.get(LINK_COOKIE));
	return { label: pending?.label ?? null };
};

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const code = field(form, 'code').slice(0, 64);
		if (!code) return fail(400, { code, error: 'missing' as const });
		const result = linkWithCode(cookies.get(LINK_COOKIE), code);
		if (!result.ok) return fail(400, { code, error: result.problem });
		cookies.delete(LINK_COOKIE, linkCookieOptions(new Date(0)));
		startProviderSession(result.user, result.origin, {
			cookies,
			sessionId: locals.sessionId,
			userAgent: request.headers.get('user-agent')
		});
		redirect(303, homeFor(result.user.role));
	}
};
