/**
 * A session from an outside provider, made as the password login makes one (the old session
 * ended, the device recorded, the cookie set), remembering the provider and its logout hint; and
 * logging out, at the provider too when it offers an end-session address (OIDC) or single logout
 * (SAML: a LogoutRequest with the NameID and SessionIndex kept in the session's logout hint).
 */
import type { Cookies } from '@sveltejs/kit';
import {
	createSession,
	endSession,
	homeFor,
	recordSessionDevice,
	SESSION_COOKIE,
	sessionCookieOptions,
	sessionOrigin,
	type SessionOrigin
} from '../auth';
import type { User } from '../db/schema';
import { safeNext } from '../http';
import { LINK_COOKIE, linkCookieOptions, providerKey, resolveIdentity, type Refusal, type VerifiedIdentity } from './link';
import { oidcEndSessionUrl } from './oidc';
import { samlLogoutUrl } from './saml';

export function startProviderSession(
	user: Pick<User, 'id' | 'role'>,
	origin: SessionOrigin,
	request: { cookies: Cookies; sessionId: string | null; userAgent: string | null }
) {
	// Never carry an old session over a sign-in.
	endSession(request.sessionId, request.cookies);
	const { token, expiresAt } = createSession(user, new Date(), origin);
	recordSessionDevice(token.split('.')[0]!, request.userAgent);
	request.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(expiresAt));
}

/**
 * What follows a provider's verified answer, the same for every protocol: refused (staff unknown or
 * disabled), on to the link page (its cookie set), or signed in with a new session. Says where to go.
 */
export function completeSignIn(
	identity: VerifiedIdentity,
	returnTo: string | null,
	request: { cookies: Cookies; sessionId: string | null; userAgent: string | null }
): { refused: Refusal } | { next: string } {
	const outcome = resolveIdentity(identity);
	if (outcome.kind === 'refused') return { refused: outcome.reason };
	if (outcome.kind === 'link') {
		request.cookies.set(LINK_COOKIE, outcome.token, linkCookieOptions(outcome.expiresAt));
		return { next: '/login/link' };
	}
	const signInProvider = providerKey(identity.protocol, identity.audience);
	startProviderSession(outcome.user, { signInProvider, logoutHint: identity.logoutHint }, request);
	return { next: safeNext(returnTo, homeFor(outcome.user.role)) };
}

/** Ends the Minvej session; where to go next (the provider's end-session address, or the login page). */
export async function logOut(sessionId: string | null, cookies: Cookies, siteOrigin: string): Promise<string> {
	const made = sessionId ? sessionOrigin(sessionId) : null;
	endSession(sessionId, cookies);
	const loggedOut = '/login?loggedOut=1';
	if (made?.signInProvider === 'oidc-citizen' || made?.signInProvider === 'oidc-staff') {
		const audience = made.signInProvider === 'oidc-citizen' ? 'citizen' : 'staff';
		return (await oidcEndSessionUrl(audience, made.logoutHint, siteOrigin)) ?? loggedOut;
	}
	if (made?.signInProvider === 'saml-citizen' || made?.signInProvider === 'saml-staff') {
		const audience = made.signInProvider === 'saml-citizen' ? 'citizen' : 'staff';
		return (await samlLogoutUrl(audience, made.logoutHint, siteOrigin)) ?? loggedOut;
	}
	return loggedOut;
}
