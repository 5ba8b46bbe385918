/** Cookie options for the session: HttpOnly, SameSite=Lax, Path=/, Secure except on http://localhost (SvelteKit's default). */
export function sessionCookieOptions(expires: Date) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, expires };
}
