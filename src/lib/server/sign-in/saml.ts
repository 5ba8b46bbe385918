/**
 * SAML 2.0 by `@node-saml/node-saml` (issue 19): MitID through NemLog-in (OIOSAML 3) for young
 * people and parents, KOMBIT's Context Handler for staff. The AuthnRequest goes out signed over
 * HTTP-Redirect; its id is kept single use in sign_in_requests (node-saml's cache provider is
 * backed by it, and taking the id marks it used in the same statement, so a replayed response finds
 * nothing) and in a short-lived cookie that binds the answer to the browser that asked. The
 * library checks the assertion's signature against the IdP's metadata certificates, the issuer,
 * audience, InResponseTo and times (with one minute of clock skew) and decrypts an encrypted
 * assertion; we add the recipient and destination, and, for citizens, NSIS assurance Substantial
 * or High. Nothing here logs an assertion, a NameID or a CPR number.
 */
import { SAML, SamlStatusError, ValidateInResponseTo, type CacheProvider, type Profile, type SamlOptions } from '@node-saml/node-saml';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import { config } from '../config';
import type { SignInAudience } from '../db/schema';
import type { VerifiedIdentity } from './link';
import { REQUEST_LIFETIME_MS, saveSignInRequest, takeSignInRequest } from './requests';
import { loadIdpMetadata, readPem, type IdpMetadata } from './saml-metadata';

/** The AuthnRequest's id, for the browser that sent it; read only by the ACS. */
export const SAML_REQUEST_COOKIE = 'minvej_saml_request';

/**
 * The IdP answers with a cross-site form post, which carries a cookie only when it is
 * SameSite=None (and so Secure; browsers keep Secure cookies on http://localhost too). Its path is
 * the ACS alone, and it lives as long as the request.
 */
export function samlCookieOptions(audience: SignInAudience) {
	return {
		path: `/login/saml/${audience}/acs`,
		httpOnly: true,
		secure: true,
		sameSite: 'none' as const,
		maxAge: REQUEST_LIFETIME_MS / 1000
	};
}

/** OIOSAML 3 attribute names. */
export const OIOSAML = {
	loa: 'https://data.gov.dk/concept/core/nsis/loa',
	personUuid: 'https://data.gov.dk/model/core/eid/person/uuid',
	email: 'https://data.gov.dk/model/core/eid/email'
} as const;
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
const ACCEPTED_LOA = new Set(['substantial', 'high']);
const CLOCK_SKEW_MS = 60_000;

export const samlEntityId = (origin: string, audience: SignInAudience) => `${origin}/login/saml/${audience}/metadata`;
export const samlAcsUrl = (origin: string, audience: SignInAudience) => `${origin}/login/saml/${audience}/acs`;
export const samlLogoutCallbackUrl = (origin: string, audience: SignInAudience) => `${origin}/login/saml/${audience}/logout`;

/** Why an answer was refused; `assurance`: a citizen signed in below NSIS Substantial. */
export type SamlProblem = 'unavailable' | 'cancelled' | 'expired' | 'failed' | 'assurance';

/** What single logout needs later, kept as JSON in sessions.logout_hint. */
interface LogoutHint {
	nameID: string;
	nameIDFormat: string;
	sessionIndex?: string;
	nameQualifier?: string;
	spNameQualifier?: string;
}

function readKeyPair(audience: SignInAudience) {
	const provider = config.saml(audience);
	if (!provider) return null;
	return { provider, key: readPem(provider.spKey), cert: readPem(provider.spCert) };
}

/** A node-saml instance for one exchange, its request ids kept by `cache`. */
function createSaml(audience: SignInAudience, origin: string, metadata: IdpMetadata | null, cache: CacheProvider): SAML {
	const pair = readKeyPair(audience)!;
	const options: Partial<SamlOptions> & Pick<SamlOptions, 'idpCert' | 'issuer' | 'callbackUrl'> = {
		issuer: samlEntityId(origin, audience),
		callbackUrl: samlAcsUrl(origin, audience),
		logoutCallbackUrl: samlLogoutCallbackUrl(origin, audience),
		audience: samlEntityId(origin, audience),
		// node-saml requires a certificate even where none is checked (the SP metadata).
		idpCert: metadata?.signingCerts ?? pair.cert,
		idpIssuer: metadata?.entityId,
		entryPoint: metadata?.ssoUrl,
		logoutUrl: metadata?.sloUrl ?? undefined,
		privateKey: pair.key,
		publicCert: pair.cert,
		decryptionPvk: pair.key,
		signatureAlgorithm: 'sha256',
		digestAlgorithm: 'sha256',
		wantAssertionsSigned: true,
		wantAuthnResponseSigned: false,
		validateInResponseTo: ValidateInResponseTo.always,
		requestIdExpirationPeriodMs: REQUEST_LIFETIME_MS,
		acceptedClockSkewMs: CLOCK_SKEW_MS,
		identifierFormat: PERSISTENT,
		cacheProvider: cache,
		// Citizens: ask NemLog-in for NSIS Substantial or more (the answer is checked all the same).
		...(audience === 'citizen'
			? { authnContext: [`${OIOSAML.loa}/Substantial`], racComparison: 'minimum' as const, disableRequestedAuthnContext: false }
			: { disableRequestedAuthnContext: true })
	};
	return new SAML(options as SamlOptions);
}

/** A cache that keeps nothing (the SP metadata and logout requests need no request ids). */
const NO_CACHE: CacheProvider = {
	saveAsync: async () => null,
	getAsync: async () => null,
	removeAsync: async () => null
};

/** Our SP metadata for this audience (entity id, ACS, SLO, the certificate for signing and encryption); null when not configured. */
export function buildSpMetadata(audience: SignInAudience, origin: string): string | null {
	const pair = readKeyPair(audience);
	if (!pair) return null;
	return createSaml(audience, origin, null, NO_CACHE).generateServiceProviderMetadata(pair.cert, pair.cert);
}

/** Where to send the person to sign in at the IdP, and the request id for the cookie; null when the IdP cannot be reached. */
export async function startSamlSignIn(
	audience: SignInAudience,
	origin: string,
	returnTo: string | null
): Promise<{ url: string; requestId: string } | null> {
	let metadata: IdpMetadata;
	try {
		const found = loadIdpMetadata(audience);
		if (!found) return null;
		metadata = await found;
	} catch {
		return null;
	}
	let requestId = '';
	const cache: CacheProvider = {
		saveAsync: async (key, value) => {
			requestId = key;
			saveSignInRequest({ id: key, kind: 'saml', audience, returnTo });
			return { value, createdAt: Date.now() };
		},
		getAsync: async () => null,
		removeAsync: async () => null
	};
	const url = await createSaml(audience, origin, metadata, cache).getAuthorizeUrlAsync('', undefined, {});
	return requestId ? { url, requestId } : null;
}

/**
 * Checks the IdP's answer (untrusted input): the request it answers is the one this browser
 * started and is open (used up now, whatever follows), and node-saml accepts the response and its
 * signed assertion; then the recipient and destination, and what the audience needs.
 */
export async function finishSamlSignIn(
	audience: SignInAudience,
	origin: string,
	samlResponse: string | null,
	requestCookie: string | undefined
): Promise<{ ok: true; identity: VerifiedIdentity; returnTo: string | null } | { ok: false; problem: SamlProblem }> {
	const provider = config.saml(audience);
	const found = loadIdpMetadata(audience);
	if (!provider || !found) return { ok: false, problem: 'unavailable' };
	if (!samlResponse || samlResponse.length > 500_000) return { ok: false, problem: 'failed' };
	if (!requestCookie) return { ok: false, problem: 'expired' };
	let metadata: IdpMetadata;
	try {
		metadata = await found;
	} catch {
		return { ok: false, problem: 'unavailable' };
	}
	// node-saml asks for the InResponseTo id (twice: the response's and the subject's); the first
	// ask takes it from sign_in_requests, so it answers once only.
	let taken: { id: string; createdAt: Date; returnTo: string | null } | null = null;
	let tookOnce = false;
	const cache: CacheProvider = {
		saveAsync: async () => null,
		getAsync: async (key) => {
			if (!tookOnce) {
				tookOnce = true;
				taken = takeSignInRequest(key, 'saml', audience);
			}
			return taken && taken.id === key ? taken.createdAt.toISOString() : null;
		},
		removeAsync: async () => null
	};
	let profile: Profile | null;
	try {
		({ profile } = await createSaml(audience, origin, metadata, cache).validatePostResponseAsync({ SAMLResponse: samlResponse }));
	} catch (error) {
		if (isStatusError(error)) return { ok: false, problem: tookOnce && !taken ? 'expired' : 'cancelled' };
		return { ok: false, problem: tookOnce && !taken ? 'expired' : 'failed' };
	}
	const request = taken as { id: string; returnTo: string | null } | null;
	if (!profile || !request) return { ok: false, problem: 'failed' };
	// Bound to this browser: the request it answers is the one this browser's cookie names.
	if (request.id !== requestCookie) return { ok: false, problem: 'expired' };
	if (!sentToUs(samlResponse, profile, samlAcsUrl(origin, audience))) return { ok: false, problem: 'failed' };
	const hint: LogoutHint = {
		nameID: profile.nameID,
		nameIDFormat: profile.nameIDFormat,
		sessionIndex: profile.sessionIndex,
		nameQualifier: profile.nameQualifier,
		spNameQualifier: profile.spNameQualifier
	};
	const base = { protocol: 'saml' as const, audience, issuer: metadata.entityId, label: provider.name, logoutHint: JSON.stringify(hint) };
	if (audience === 'citizen') {
		const citizen = readCitizen(profile);
		if (!citizen.ok) return citizen;
		return { ok: true, returnTo: request.returnTo, identity: { ...base, subject: citizen.subject } };
	}
	const match = firstValue(profile[provider.matchAttribute]);
	if (!profile.nameID && !match) return { ok: false, problem: 'failed' };
	return { ok: true, returnTo: request.returnTo, identity: { ...base, subject: profile.nameID || match!, matchValue: match } };
}

function isStatusError(error: unknown) {
	return error instanceof SamlStatusError;
}

function firstValue(value: unknown): string | null {
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' && first.trim() ? first.trim() : null;
}

/**
 * A citizen's identity from an accepted assertion: NSIS assurance Substantial or High, and the
 * OIOSAML 3 person UUID (else a persistent NameID). Never the CPR number.
 */
export function readCitizen(
	profile: Pick<Profile, 'nameID' | 'nameIDFormat'> & Record<string, unknown>
): { ok: true; subject: string } | { ok: false; problem: 'assurance' | 'failed' } {
	const loa = firstValue(profile[OIOSAML.loa])?.toLowerCase();
	if (!loa || !ACCEPTED_LOA.has(loa)) return { ok: false, problem: 'assurance' };
	const uuid = firstValue(profile[OIOSAML.personUuid]);
	if (uuid && uuid.length <= 200) return { ok: true, subject: uuid };
	if (profile.nameIDFormat === PERSISTENT && profile.nameID && profile.nameID.length <= 500) return { ok: true, subject: profile.nameID };
	return { ok: false, problem: 'failed' };
}

/** The response's Destination (when given) and the signed assertion's SubjectConfirmationData Recipient are our ACS. */
function sentToUs(samlResponse: string, profile: Profile, acsUrl: string): boolean {
	const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node;
	const response = parse(Buffer.from(samlResponse, 'base64').toString('utf8'));
	const destination = xpath.select1("/*[local-name()='Response']/@Destination", response);
	if (destination && xpath.isAttribute(destination) && destination.value !== acsUrl) return false;
	const assertionXml = profile.getAssertionXml?.();
	if (!assertionXml) return false;
	const recipients = xpath.select("//*[local-name()='SubjectConfirmationData']/@Recipient", parse(assertionXml));
	return xpath.isArrayOfNodes(recipients) && recipients.length > 0 && recipients.every((r) => xpath.isAttribute(r) && r.value === acsUrl);
}

/** The IdP's single logout address for a session it made (with its NameID and SessionIndex), or null. */
export async function samlLogoutUrl(audience: SignInAudience, logoutHint: string | null, origin: string): Promise<string | null> {
	try {
		const found = loadIdpMetadata(audience);
		if (!found || !logoutHint || !readKeyPair(audience)) return null;
		const metadata = await found;
		if (!metadata.sloUrl) return null;
		const hint = JSON.parse(logoutHint) as LogoutHint;
		if (typeof hint.nameID !== 'string' || !hint.nameID) return null;
		const user: Profile = { ...hint, issuer: metadata.entityId };
		return await createSaml(audience, origin, metadata, NO_CACHE).getLogoutUrlAsync(user, '', {});
	} catch {
		return null;
	}
}
