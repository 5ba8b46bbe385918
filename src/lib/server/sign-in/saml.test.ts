import { afterEach, describe, expect, it } from 'vitest';
import { config } from '../config';
import { OIOSAML, readCitizen } from './saml';
import { parseIdpMetadata, readPem } from './saml-metadata';

const CERT = 'MIIBszCCAVmgAwIBAgIUQ' + 'A'.repeat(40);
const metadata = (idp: string) => `<?xml version="1.0"?>
<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <md:EntityDescriptor entityID="https://sp.example/metadata"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>
  <md:EntityDescriptor entityID="https://saml.nemlog-in.dk">
    <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${idp}</md:IDPSSODescriptor>
  </md:EntityDescriptor>
</md:EntitiesDescriptor>`;
const signing = (cert: string, use = ' use="signing"') =>
	`<md:KeyDescriptor${use}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>
	${cert}
	</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const sso = (binding: string, location: string) =>
	`<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:${binding}" Location="${location}"/>`;
const slo = `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://saml.nemlog-in.dk/logout"/>`;

describe('IdP metadata', () => {
	it('gives the entity id, the redirect SSO, every signing certificate and the SLO', () => {
		const parsed = parseIdpMetadata(
			metadata(
				signing(CERT) +
					signing(`${CERT}B`, '') +
					signing('ENCRYPTIONONLY', ' use="encryption"') +
					sso('HTTP-POST', 'https://saml.nemlog-in.dk/post') +
					sso('HTTP-Redirect', 'https://saml.nemlog-in.dk/login') +
					slo
			)
		);
		expect(parsed).toEqual({
			entityId: 'https://saml.nemlog-in.dk',
			ssoUrl: 'https://saml.nemlog-in.dk/login',
			signingCerts: [CERT, `${CERT}B`],
			sloUrl: 'https://saml.nemlog-in.dk/logout'
		});
	});

	it('has no SLO when the IdP offers none', () => {
		expect(parseIdpMetadata(metadata(signing(CERT) + sso('HTTP-Redirect', 'https://idp/login'))).sloUrl).toBeNull();
	});

	it('refuses metadata it cannot use', () => {
		expect(() => parseIdpMetadata('<not xml')).toThrow();
		expect(() => parseIdpMetadata(metadata(signing(CERT) + sso('HTTP-POST', 'https://idp/post')))).toThrow(/HTTP-Redirect/);
		expect(() => parseIdpMetadata(metadata(sso('HTTP-Redirect', 'https://idp/login')))).toThrow(/certificate/);
		expect(() => parseIdpMetadata(metadata(signing(CERT, ' use="encryption"') + sso('HTTP-Redirect', 'https://idp/login')))).toThrow(
			/certificate/
		);
		expect(() => parseIdpMetadata('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>')).toThrow();
	});
});

describe('SAML configuration', () => {
	const saved = { ...process.env };
	afterEach(() => {
		process.env = { ...saved };
	});

	it('is off until metadata, key and certificate are all set', () => {
		delete process.env.SAML_CITIZEN_IDP_METADATA;
		process.env.SAML_CITIZEN_SP_KEY = 'k';
		process.env.SAML_CITIZEN_SP_CERT = 'c';
		expect(config.saml('citizen')).toBeNull();
		process.env.SAML_CITIZEN_IDP_METADATA = '/etc/minvej/nemlog-in.xml';
		expect(config.saml('citizen')).toMatchObject({ name: 'MitID', idpMetadata: '/etc/minvej/nemlog-in.xml' });
	});

	it('matches staff by the OIOSAML e-mail unless told otherwise', () => {
		Object.assign(process.env, { SAML_STAFF_IDP_METADATA: 'https://kombit/metadata', SAML_STAFF_SP_KEY: 'k', SAML_STAFF_SP_CERT: 'c' });
		expect(config.saml('staff')).toMatchObject({ name: 'Medarbejderlogin', matchAttribute: OIOSAML.email });
		process.env.SAML_STAFF_MATCH_ATTRIBUTE = 'urn:oid:0.9.2342.19200300.100.1.3';
		expect(config.saml('staff')?.matchAttribute).toBe('urn:oid:0.9.2342.19200300.100.1.3');
	});

	it('takes a PEM as text (also with written \\n) or as a file path', () => {
		expect(readPem('-----BEGIN CERTIFICATE-----\\nABC\\n-----END CERTIFICATE-----')).toBe(
			'-----BEGIN CERTIFICATE-----\nABC\n-----END CERTIFICATE-----'
		);
		expect(() => readPem('/no/such/file.pem')).toThrow();
	});
});

describe('a citizen from an accepted assertion', () => {
	const persistent = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
	const profile = (attributes: Record<string, unknown>, nameIDFormat = persistent) => ({ nameID: 'nameid-1', nameIDFormat, ...attributes });

	it('needs NSIS Substantial or High', () => {
		const uuid = { [OIOSAML.personUuid]: 'uuid-1' };
		expect(readCitizen(profile({ ...uuid, [OIOSAML.loa]: 'Substantial' }))).toEqual({ ok: true, subject: 'uuid-1' });
		expect(readCitizen(profile({ ...uuid, [OIOSAML.loa]: ['High'] }))).toEqual({ ok: true, subject: 'uuid-1' });
		expect(readCitizen(profile({ ...uuid, [OIOSAML.loa]: 'Low' }))).toEqual({ ok: false, problem: 'assurance' });
		expect(readCitizen(profile({ ...uuid, [OIOSAML.loa]: 'Substantialish' }))).toEqual({ ok: false, problem: 'assurance' });
		expect(readCitizen(profile(uuid))).toEqual({ ok: false, problem: 'assurance' });
	});

	it('is known by the person UUID, else the persistent NameID, never the CPR number', () => {
		const loa = { [OIOSAML.loa]: 'High', 'https://data.gov.dk/model/core/eid/cprNumber': '0101101234' };
		expect(readCitizen(profile(loa))).toEqual({ ok: true, subject: 'nameid-1' });
		expect(readCitizen(profile(loa, 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient'))).toEqual({ ok: false, problem: 'failed' });
		expect(readCitizen(profile({ ...loa, [OIOSAML.personUuid]: 'uuid-2' }))).toEqual({ ok: true, subject: 'uuid-2' });
	});
});
