/**
 * What SAML sign-in needs to know about each side (issue 19): the identity provider's metadata
 * (NemLog-in's or KOMBIT's Context Handler's: entity id, where to send the AuthnRequest, the
 * signing certificates, where single logout is), read with a real XML parser (@xmldom/xmldom and
 * xpath, the ones node-saml itself uses) and kept per process; and our own key pair, given in the
 * environment as PEM text or as a path to a PEM file.
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import { config } from '../config';
import type { SignInAudience } from '../db/schema';

const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

export interface IdpMetadata {
	entityId: string;
	/** The SingleSignOnService for the HTTP-Redirect binding. */
	ssoUrl: string;
	/** Base64 DER of each signing certificate (a key rollover lists two). */
	signingCerts: string[];
	/** The SingleLogoutService for the HTTP-Redirect binding, if the IdP offers one. */
	sloUrl: string | null;
}

/** Reads an IdP's metadata XML; throws when it names no entity id, no redirect SSO or no signing certificate. */
export function parseIdpMetadata(xml: string): IdpMetadata {
	const errors: string[] = [];
	const doc = new DOMParser({
		errorHandler: (level, message) => void (level !== 'warning' && errors.push(String(message)))
	}).parseFromString(xml, 'text/xml');
	if (errors.length || !doc?.documentElement) throw new Error('IdP metadata is not well-formed XML');
	// The first entity with an IdP role (an aggregate may hold several).
	const entity = xpath.select1("//*[local-name()='EntityDescriptor'][*[local-name()='IDPSSODescriptor']]", doc as unknown as Node);
	if (!entity || !xpath.isElement(entity)) throw new Error('IdP metadata has no IDPSSODescriptor');
	const idp = xpath.select1("*[local-name()='IDPSSODescriptor']", entity) as Element;
	const entityId = entity.getAttribute('entityID');
	const locationOf = (service: string) => {
		const node = xpath.select1(`*[local-name()='${service}'][@Binding='${REDIRECT_BINDING}']/@Location`, idp);
		return node && xpath.isAttribute(node) && node.value ? node.value : null;
	};
	const ssoUrl = locationOf('SingleSignOnService');
	const certNodes = xpath.select("*[local-name()='KeyDescriptor'][not(@use) or @use='signing']//*[local-name()='X509Certificate']", idp);
	const signingCerts = (xpath.isArrayOfNodes(certNodes) ? certNodes : [])
		.map((node) => (node.textContent ?? '').replace(/\s+/g, ''))
		.filter(Boolean);
	if (!entityId) throw new Error('IdP metadata has no entityID');
	if (!ssoUrl) throw new Error('IdP metadata has no HTTP-Redirect SingleSignOnService');
	if (!signingCerts.length) throw new Error('IdP metadata has no signing certificate');
	return { entityId, ssoUrl, signingCerts, sloUrl: locationOf('SingleLogoutService') };
}

/** A PEM given in the environment: the text itself (`\n` may be written as the two characters), or a file's path. */
export function readPem(value: string): string {
	if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
	return readFileSync(value, 'utf8');
}

const loaded = new Map<string, Promise<IdpMetadata>>();
const RETRY_AFTER_MS = 30_000;

/** The IdP's metadata for this audience, read once per process from its file or URL (a failure is tried again after 30 s). */
export function loadIdpMetadata(audience: SignInAudience): Promise<IdpMetadata> | null {
	const source = config.saml(audience)?.idpMetadata;
	if (!source) return null;
	let found = loaded.get(source);
	if (!found) {
		found = readSource(source).then(parseIdpMetadata);
		// Metadata that cannot be read is tried again after a while, not on every page (the CSP asks).
		found.catch(() => setTimeout(() => loaded.delete(source), RETRY_AFTER_MS).unref());
		loaded.set(source, found);
	}
	return found;
}

async function readSource(source: string): Promise<string> {
	if (/^https?:\/\//i.test(source)) {
		const response = await fetch(source, { signal: AbortSignal.timeout(10_000) });
		if (!response.ok) throw new Error(`IdP metadata: HTTP ${response.status}`);
		return response.text();
	}
	return readFileSync(source, 'utf8');
}

/**
 * Origins a form on our pages may lead to (CSP `form-action`): the sign-in button's post ends at
 * the IdP's SSO address, the logout post at its SLO address. Metadata that cannot be read adds none.
 */
export async function samlProviderOrigins(): Promise<string[]> {
	const origins: string[] = [];
	for (const audience of ['citizen', 'staff'] as const) {
		const metadata = await loadIdpMetadata(audience)?.catch(() => null);
		for (const url of [metadata?.ssoUrl, metadata?.sloUrl]) if (url && URL.canParse(url)) origins.push(new URL(url).origin);
	}
	return origins;
}
