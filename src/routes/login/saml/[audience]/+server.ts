import { error, redirect } from '@sveltejs/kit';
import { BUSY_LOGIN_PAGE, takeSignInStart } from '$lib/server/auth';
import { safeNext } from '$lib/server/http';
import { audienceOf, SAML_REQUEST_COOKIE, samlCookieOptions, startSamlSignIn } from '$lib/server/sign-in';
import type { RequestHandler } from './$types';

/** Off to the identity provider (SAML, HTTP-Redirect) with a fresh AuthnRequest, kept single use. */
const start: RequestHandler = async ({ params, url, cookies, getClientAddress }) => {
	const audience = audienceOf(params.audience);
	if (!audience) error(404);
	// Too many starts from this address: the login page asks to wait a minute (nothing is stored).
	if (await takeSignInStart(getClientAddress())) redirect(303, BUSY_LOGIN_PAGE);
	const next = url.searchParams.get('next');
	const started = await startSamlSignIn(audience, url.origin, next ? safeNext(next, '') || null : null);
	if (!started) redirect(303, `/login/saml/${audience}/refused?problem=unavailable`);
	cookies.set(SAML_REQUEST_COOKIE, started.requestId, samlCookieOptions(audience));
	redirect(303, started.url);
};

/** The login page's provider button. */
export const POST: RequestHandler = start;
/** A link may start it too (the request id is single use either way). */
export const GET: RequestHandler = start;
