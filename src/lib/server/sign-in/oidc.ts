/**
 * OpenID Connect by `openid-client` (issue 19): discovery (the Configuration kept per process),
 * the authorization code flow with PKCE (S256), `state` and `nonce` kept single use in
 * sign_in_requests (and the state in a short-lived cookie, so a callback only counts in the browser
 * that started it), and the ID token's checks (signature, issuer, audience, nonce, expiry) done by
 * the library. Plain http is allowed only for an issuer on localhost (the tests' provider).
 * Nothing here logs a token, a code or an identifier.
 */
import * as client from 'openid-client';
import { config } from '../config';
import type { SignInAudience } from '../db/schema';
import type { VerifiedIdentity } from './link';
import { saveSignInRequest, takeSignInRequest, REQUEST_LIFETIME_MS } from './requests';

export const OIDC_STATE_COOKIE = 'minvej_oidc_state';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const configurations = new Map<string, Promise<client.Configuration>>();
/** Origins of discovered endpoints (authorization, end session) beyond the issuers' own. */
const endpointOrigins = new Set<string>();

/** The provider's configuration, discovered once per process (a failed discovery is tried again next time). */
function discover(audience: SignInAudience): Promise<client.Configuration> | null {
	const provider = config.oidc(audience);
	if (!provider) return null;
	const key = `${audience} ${provider.issuer} ${provider.clientId}`;
	let found = configurations.get(key);
	if (!found) {
		const issuer = new URL(provider.issuer);
		const local = issuer.protocol === 'http:' && LOCAL_HOSTS.has(issuer.hostname);
		found = client.discovery(
			issuer,
			provider.clientId,
			provider.clientSecret,
			undefined,
			local ? { execute: [client.allowInsecureRequests] } : undefined
		);
		found.then(
			(c) => {
				const metadata = c.serverMetadata();
				for (const endpoint of [metadata.authorization_endpoint, metadata.end_session_endpoint]) {
					if (endpoint) endpointOrigins.add(new URL(endpoint).origin);
				}
			},
			() => configurations.delete(key)
		);
		configurations.set(key, found);
	}
	return found;
}

/**
 * Where a form on our pages may lead (CSP `form-action`): the sign-in button's post and the logout
 * post end at the provider. The configured issuers and their discovered endpoints.
 */
export function providerOrigins(): string[] {
	const origins = new Set(endpointOrigins);
	for (const audience of ['citizen', 'staff'] as const) {
		const issuer = config.oidc(audience)?.issuer;
		if (issuer && URL.canParse(issuer)) origins.add(new URL(issuer).origin);
	}
	return [...origins];
}

/** The address the provider sends the person back to (registered with the provider; see README). */
export function oidcRedirectUri(origin: string, audience: SignInAudience) {
	return `${origin}/login/oidc/${audience}/callback`;
}

export function stateCookieOptions(audience: SignInAudience) {
	return { path: `/login/oidc/${audience}`, httpOnly: true, sameSite: 'lax' as const, maxAge: REQUEST_LIFETIME_MS / 1000 };
}

/** Where to send the person to sign in at the provider, and the state for the cookie; null when it cannot be reached. */
export async function startOidcSignIn(
	audience: SignInAudience,
	origin: string,
	returnTo: string | null
): Promise<{ url: string; state: string } | null> {
	const provider = config.oidc(audience);
	let configuration: client.Configuration;
	try {
		const found = discover(audience);
		if (!provider || !found) return null;
		configuration = await found;
	} catch {
		return null;
	}
	const codeVerifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const nonce = client.randomNonce();
	saveSignInRequest({ id: state, kind: 'oidc', audience, codeVerifier, nonce, returnTo });
	const url = client.buildAuthorizationUrl(configuration, {
		redirect_uri: oidcRedirectUri(origin, audience),
		scope: provider.scope,
		response_type: 'code',
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce
	});
	return { url: url.href, state };
}

/** Why a callback was refused: `cancelled` the person or the provider said no; the rest is told as one. */
export type CallbackProblem = 'cancelled' | 'expired' | 'failed';

/**
 * Checks a callback (untrusted input): the state is the one this browser started and is open (used
 * up now), the provider sent no error, and the code gives an ID token that passes every check.
 */
export async function finishOidcSignIn(
	audience: SignInAudience,
	callback: URL,
	stateCookie: string | undefined
): Promise<{ ok: true; identity: VerifiedIdentity; returnTo: string | null } | { ok: false; problem: CallbackProblem }> {
	const provider = config.oidc(audience);
	const found = discover(audience);
	if (!provider || !found) return { ok: false, problem: 'failed' };
	const state = callback.searchParams.get('state') ?? '';
	if (!state || state !== stateCookie) return { ok: false, problem: 'expired' };
	const request = takeSignInRequest(state, 'oidc', audience);
	if (!request?.codeVerifier || !request.nonce) return { ok: false, problem: 'expired' };
	if (callback.searchParams.has('error')) return { ok: false, problem: 'cancelled' };
	try {
		const configuration = await found;
		const tokens = await client.authorizationCodeGrant(configuration, callback, {
			pkceCodeVerifier: request.codeVerifier,
			expectedState: state,
			expectedNonce: request.nonce,
			idTokenExpected: true
		});
		const claims = tokens.claims();
		if (!claims?.sub || !tokens.id_token) return { ok: false, problem: 'failed' };
		const match = claims[provider.matchClaim];
		return {
			ok: true,
			returnTo: request.returnTo,
			identity: {
				protocol: 'oidc',
				audience,
				issuer: claims.iss,
				subject: claims.sub,
				label: provider.name,
				logoutHint: tokens.id_token,
				matchValue: audience === 'staff' && typeof match === 'string' ? match : null
			}
		};
	} catch {
		// The library refused the response or the token (wrong nonce, audience, issuer, signature …).
		return { ok: false, problem: 'failed' };
	}
}

/** The provider's end-session address for a session it made, or null when it offers none. */
export async function oidcEndSessionUrl(audience: SignInAudience, idToken: string | null, origin: string): Promise<string | null> {
	try {
		const found = discover(audience);
		if (!found) return null;
		const configuration = await found;
		if (!configuration.serverMetadata().end_session_endpoint) return null;
		const parameters: Record<string, string> = { post_logout_redirect_uri: `${origin}/login?loggedOut=1` };
		if (idToken) parameters.id_token_hint = idToken;
		return client.buildEndSessionUrl(configuration, parameters).href;
	} catch {
		return null;
	}
}
