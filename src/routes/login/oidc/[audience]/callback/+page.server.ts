import { error, redirect } from '@sveltejs/kit';
import { audienceOf, completeSignIn, finishOidcSignIn, OIDC_STATE_COOKIE, stateCookieOptions } from '$lib/server/sign-in';
import type { PageServerLoad } from './$types';

/**
 * The provider sends the person back here (untrusted input). Signed in, on to the link page, or a
 * kind page saying why not; nothing is stored when the answer is refused.
 */
export const load: PageServerLoad = async ({ params, url, cookies, locals, request }) => {
	const audience = audienceOf(params.audience);
	if (!audience) error(404);
	if (url.searchParams.get('problem') === 'unavailable' && !url.searchParams.has('state'))
		return { audience, problem: 'unavailable' as const };
	const stateCookie = cookies.get(OIDC_STATE_COOKIE);
	// Used once: gone whatever the answer.
	if (stateCookie !== undefined) cookies.delete(OIDC_STATE_COOKIE, stateCookieOptions(audience));
	const finished = await finishOidcSignIn(audience, url, stateCookie);
	if (!finished.ok) return { audience, problem: finished.problem };
	const done = completeSignIn(finished.identity, finished.returnTo, {
		cookies,
		sessionId: locals.sessionId,
		userAgent: request.headers.get('user-agent')
	});
	if ('refused' in done) return { audience, problem: done.refused };
	redirect(303, done.next);
};
