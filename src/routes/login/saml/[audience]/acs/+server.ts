import { error, redirect } from '@sveltejs/kit';
import { homeFor } from '$lib/server/auth';
import { safeNext } from '$lib/server/http';
import {
	audienceOf,
	finishSamlSignIn,
	LINK_COOKIE,
	linkCookieOptions,
	resolveIdentity,
	SAML_REQUEST_COOKIE,
	samlCookieOptions,
	startProviderSession
} from '$lib/server/sign-in';
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
	const outcome = resolveIdentity(finished.identity);
	if (outcome.kind === 'refused') redirect(303, `/login/saml/${audience}/refused?problem=${outcome.reason}`);
	if (outcome.kind === 'link') {
		cookies.set(LINK_COOKIE, outcome.token, linkCookieOptions(outcome.expiresAt));
		redirect(303, '/login/link');
	}
	startProviderSession(
		outcome.user,
		{ signInProvider: `saml-${audience}`, logoutHint: finished.identity.logoutHint },
		{ cookies, sessionId: locals.sessionId, userAgent: request.headers.get('user-agent') }
	);
	redirect(303, safeNext(finished.returnTo, homeFor(outcome.user.role)));
};

export const GET: RequestHandler = () => redirect(303, '/login');
