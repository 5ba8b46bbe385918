import { error, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/http';
import { audienceOf, OIDC_STATE_COOKIE, startOidcSignIn, stateCookieOptions } from '$lib/server/sign-in';
import type { RequestHandler } from './$types';

/** The login page's provider button: off to the provider (OpenID Connect), with a fresh state. */
export const POST: RequestHandler = async ({ params, url, cookies }) => {
	const audience = audienceOf(params.audience);
	if (!audience) error(404);
	const next = url.searchParams.get('next');
	const started = await startOidcSignIn(audience, url.origin, next ? safeNext(next, '') || null : null);
	if (!started) redirect(303, `/login/oidc/${audience}/callback?problem=unavailable`);
	cookies.set(OIDC_STATE_COOKIE, started.state, stateCookieOptions(audience));
	redirect(303, started.url);
};

export const GET: RequestHandler = () => redirect(303, '/login');
