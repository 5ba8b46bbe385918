/** Cookie options for the session: HttpOnly, SameSite=Lax, Path=/, Secure except on http://localhost (SvelteKit's default). */
export function sessionCookieOptions(expires: Date) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, expires };
}

/** The language cookie Paraglide reads on both sides (paraglide.options.js). */
export const LOCALE_COOKIE = 'minvej_lang';

/** A year; not HttpOnly: Paraglide reads it in the browser too, so both sides agree on the language. */
export const localeCookieOptions = { path: '/', maxAge: 365 * 24 * 60 * 60, httpOnly: false, sameSite: 'lax' as const };
