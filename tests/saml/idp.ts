/**
 * A real SAML identity provider for the sign-in stories (issue 19): `samlify` in IdP mode on a free
 * local port, with its own key pair (made by openssl for this run), serving its metadata and
 * answering Minvej's AuthnRequest (HTTP-Redirect) with a response whose assertion it signs,
 * posted back to the ACS by an auto-submitting form, as NemLog-in does. What it answers is set by
 * the test: the person's OIOSAML 3 attributes, and a fault (an expired or unsigned assertion, one
 * signed by another key, another audience, a SAML status other than Success) for the refusals.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import * as samlify from 'samlify';

// samlify insists on a schema validator before it parses anything. In this TEST identity provider
// only, a permissive one: Minvej's side (node-saml) is what is under test, and it validates itself.
samlify.setSchemaValidator({ validate: async () => 'skipped in the test IdP' });

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
export const LOA = 'https://data.gov.dk/concept/core/nsis/loa';
export const PERSON_UUID = 'https://data.gov.dk/model/core/eid/person/uuid';
export const EMAIL = 'https://data.gov.dk/model/core/eid/email';
const CPR = 'https://data.gov.dk/model/core/eid/cprNumber';

export interface KeyPair {
	key: string;
	cert: string;
	keyPath: string;
	certPath: string;
}

/** A fresh RSA key and self-signed certificate (openssl, as an IdP or an SP would be given). */
export function makeKeyPair(name: string): KeyPair {
	const dir = mkdtempSync(join(tmpdir(), `minvej-saml-${name}-`));
	const keyPath = join(dir, 'key.pem');
	const certPath = join(dir, 'cert.pem');
	execFileSync(
		'openssl',
		['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', `/CN=${name}`],
		{
			stdio: 'ignore'
		}
	);
	return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), keyPath, certPath };
}

export type Fault = 'expired' | 'unsigned' | 'resigned' | 'audience' | 'status' | 'encrypted';

export interface TestIdp {
	origin: string;
	entityId: string;
	metadataUrl: string;
	/** The metadata also as a file (the citizen side reads it from a path). */
	metadataPath: string;
	/** Who signs in at the next AuthnRequest, and what goes wrong (nothing by default). */
	next: { nameId: string; attributes: Record<string, string>; fault?: Fault };
	/** The last response posted back (base64) and the request id it answered, for the replay. */
	last: { response: string; requestId: string } | null;
	/** NameIDs of the LogoutRequests received. */
	loggedOut: string[];
	stop(): Promise<void>;
}

const xmlText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The first value of an XML attribute in a small message we made ourselves (test code only). */
const attributeOf = (xml: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(xml)?.[1] ?? '';
const issuerOf = (xml: string) => /<(?:\w+:)?Issuer[^>]*>([^<]*)</.exec(xml)?.[1] ?? '';

export async function startIdp(port: number): Promise<TestIdp> {
	const origin = `http://localhost:${port}`;
	const entityId = `${origin}/metadata`;
	const own = makeKeyPair('test-idp');
	const stranger = makeKeyPair('stranger-idp');
	const services = {
		singleSignOnService: [{ Binding: REDIRECT, Location: `${origin}/sso` }],
		singleLogoutService: [{ Binding: REDIRECT, Location: `${origin}/slo` }]
	};
	const idpWith = (pair: KeyPair, encrypt = false) =>
		samlify.IdentityProvider({
			entityID: entityId,
			privateKey: pair.key,
			signingCert: pair.cert,
			nameIDFormat: [PERSISTENT],
			isAssertionEncrypted: encrypt,
			...services
		});
	const idp = idpWith(own);
	const metadata = idp.getMetadata();
	const metadataPath = join(mkdtempSync(join(tmpdir(), 'minvej-saml-metadata-')), 'idp-metadata.xml');
	writeFileSync(metadataPath, metadata);
	const spMetadata = new Map<string, string>();

	const state: TestIdp = {
		origin,
		entityId,
		metadataUrl: entityId,
		metadataPath,
		next: { nameId: 'nobody', attributes: {} },
		last: null,
		loggedOut: [],
		stop: () => new Promise((resolve) => server.close(() => resolve()))
	};

	/** The response for one AuthnRequest, as the test asked for it (base64). */
	async function respond(request: { id: string; issuer: string; acs: string }): Promise<string> {
		const { nameId, attributes, fault } = state.next;
		const now = Date.now();
		const at = (ms: number) => new Date(now + ms).toISOString();
		const [notBefore, notOnOrAfter] = fault === 'expired' ? [at(-20 * 60_000), at(-10 * 60_000)] : [at(-5_000), at(5 * 60_000)];
		const audience = fault === 'audience' ? 'https://another-service.example/metadata' : request.issuer;
		if (fault === 'status') {
			// What an IdP sends when the person could not sign in: a status, no assertion.
			const xml =
				`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
				`ID="_${crypto.randomUUID()}" Version="2.0" IssueInstant="${at(0)}" Destination="${xmlText(request.acs)}" InResponseTo="${xmlText(request.id)}">` +
				`<saml:Issuer>${xmlText(entityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder">` +
				`<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode></samlp:Status></samlp:Response>`;
			return Buffer.from(xml).toString('base64');
		}
		let sp = spMetadata.get(request.issuer);
		if (!sp) {
			// Minvej's entity id is the address of its SP metadata.
			sp = await (await fetch(request.issuer)).text();
			spMetadata.set(request.issuer, sp);
		}
		const serviceProvider = samlify.ServiceProvider({ metadata: sp });
		const signer = fault === 'resigned' ? idpWith(stranger) : fault === 'encrypted' ? idpWith(own, true) : idp;
		const attributeXml = Object.entries(attributes)
			.map(
				([name, value]) =>
					`<saml:Attribute Name="${xmlText(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">` +
					`<saml:AttributeValue>${xmlText(value)}</saml:AttributeValue></saml:Attribute>`
			)
			.join('');
		const responseId = `_${crypto.randomUUID()}`;
		const template = () => ({
			id: responseId,
			context:
				`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
				`ID="${responseId}" Version="2.0" IssueInstant="${at(0)}" Destination="${xmlText(request.acs)}" InResponseTo="${xmlText(request.id)}">` +
				`<saml:Issuer>${xmlText(entityId)}</saml:Issuer>` +
				`<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
				`<saml:Assertion ID="_${crypto.randomUUID()}" Version="2.0" IssueInstant="${notBefore}">` +
				`<saml:Issuer>${xmlText(entityId)}</saml:Issuer>` +
				`<saml:Subject><saml:NameID Format="${PERSISTENT}">${xmlText(nameId)}</saml:NameID>` +
				`<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
				`<saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${xmlText(request.acs)}" InResponseTo="${xmlText(request.id)}"/>` +
				`</saml:SubjectConfirmation></saml:Subject>` +
				`<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction>` +
				`<saml:Audience>${xmlText(audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
				`<saml:AuthnStatement AuthnInstant="${notBefore}" SessionIndex="session-${crypto.randomUUID()}"><saml:AuthnContext>` +
				`<saml:AuthnContextClassRef>${LOA}/${attributes[LOA] ?? 'Substantial'}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
				`<saml:AttributeStatement>${attributeXml}</saml:AttributeStatement>` +
				`</saml:Assertion></samlp:Response>`
		});
		const built = await signer.createLoginResponse(
			serviceProvider,
			{ extract: { request: { id: request.id } } },
			'post',
			{},
			{ customTagReplacement: template }
		);
		let xml = Buffer.from(built.context, 'base64').toString('utf8');
		// The assertion with its signature cut off (and nothing else changed).
		if (fault === 'unsigned') xml = xml.replace(/<(\w+:)?Signature[\s>][\s\S]*?<\/(\w+:)?Signature>/, '');
		return Buffer.from(xml).toString('base64');
	}

	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', origin);
		const fail = (error: unknown) => {
			res.writeHead(500, { 'content-type': 'text/plain' });
			res.end(String(error));
		};
		if (url.pathname === '/metadata') {
			res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' });
			res.end(metadata);
			return;
		}
		if (url.pathname === '/sso') {
			const request = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
			const asked = { id: attributeOf(request, 'ID'), issuer: issuerOf(request), acs: attributeOf(request, 'AssertionConsumerServiceURL') };
			respond(asked).then((response) => {
				state.last = { response, requestId: asked.id };
				res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
				res.end(
					`<!doctype html><html lang="en"><title>Test IdP</title><body onload="document.forms[0].submit()">` +
						`<form method="post" action="${xmlText(asked.acs)}"><input type="hidden" name="SAMLResponse" value="${response}">` +
						`<noscript><button>Continue</button></noscript></form></body></html>`
				);
			}, fail);
			return;
		}
		if (url.pathname === '/slo') {
			const request = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
			state.loggedOut.push(/<(?:\w+:)?NameID[^>]*>([^<]*)</.exec(request)?.[1] ?? '');
			// The SP's single logout address, from its metadata (the session there has ended already).
			const issuer = issuerOf(request);
			res.writeHead(302, { location: issuer.replace(/\/metadata$/, '/logout') });
			res.end();
			return;
		}
		res.writeHead(404);
		res.end();
	});
	await new Promise<void>((resolve) => server.listen(port, resolve));
	return state;
}

export { CPR };
