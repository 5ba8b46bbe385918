import { error, redirect } from '@sveltejs/kit';
import { audienceOf, completeSignIn, finishSamlSignIn, SAML_REQUEST_COOKIE, samlCookieOptions } from '$lib/server/sign-in';
import type { RequestHandler } from './$types';

/**
 * The identity provider posts its answer here (HTTP-POST binding; a cross-site form post that
 * hooks.server.ts lets through for this path only). Untrusted input: signed in, on to the link
 * page, or a kind page saying why not; nothing is stored when the answer is refused.
 */
export const POST: RequestHandler = async ({ params, url, cookies, locals, request }) => {
	const audience = audienceOf(params.audience);
	if (!audience) error(404);
	const requestCookie = cookies.get(SAML_REQUEST_COOKIE);
	// Used once: gone whatever the answer.
	if (requestCookie !== undefined) cookies.delete(SAML_REQUEST_COOKIE, samlCookieOptions(audience));
	const form = await request.formData();
	const samlResponse = form.get('SAMLResponse');
	const finished = await finishSamlSignIn(audience, url.origin, typeof samlResponse === 'string' ? samlResponse : null, requestCookie);
	if (!finished.ok) redirect(303, `/login/saml/${audience}/refused?problem=${finished.problem}`);
	const done = completeSignIn(finished.identity, finished.returnTo, {
		cookies,
		sessionId: locals.sessionId,
		userAgent: request.headers.get('user-agent')
	});
	if ('refused' in done) redirect(303, `/login/saml/${audience}/refused?problem=${done.refused}`);
	redirect(303, done.next);
};

export const GET: RequestHandler = () => redirect(303, '/login');
