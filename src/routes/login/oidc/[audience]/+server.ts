import { error, redirect } from '@sveltejs/kit';
import { BUSY_LOGIN_PAGE, takeSignInStart } from '$lib/server/auth';
import { safeNext } from '$lib/server/http';
import { audienceOf, OIDC_STATE_COOKIE, startOidcSignIn, stateCookieOptions } from '$lib/server/sign-in';
import type { RequestHandler } from './$types';

/** The login page's provider button: off to the provider (OpenID Connect), with a fresh state. */
export const POST: RequestHandler = async ({ params, url, cookies, getClientAddress }) => {
	const audience = audienceOf(params.audience);
	if (!audience) error(404);
	// Too many starts from this address: the login page asks to wait a minute (nothing is stored).
	if (await takeSignInStart(getClientAddress())) redirect(303, BUSY_LOGIN_PAGE);
	const next = url.searchParams.get('next');
	const started = await startOidcSignIn(audience, url.origin, next ? safeNext(next, '') || null : null);
	if (!started) redirect(303, `/login/oidc/${audience}/callback?problem=unavailable`);
	cookies.set(OIDC_STATE_COOKIE, started.state, stateCookieOptions(audience));
	redirect(303, started.url);
};

export const GET: RequestHandler = () => redirect(303, '/login');
