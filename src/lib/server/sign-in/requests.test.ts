import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing';
import { REQUEST_LIFETIME_MS, saveSignInRequest, takeSignInRequest } from './requests';

beforeEach(() => {
	freshDatabase();
});

describe('sign-in requests', () => {
	it('are taken once, by their own kind and audience only', () => {
		saveSignInRequest({ id: 'state-1', kind: 'oidc', audience: 'citizen', codeVerifier: 'v', nonce: 'n' });
		expect(takeSignInRequest('state-1', 'oidc', 'staff')).toBeNull();
		expect(takeSignInRequest('state-1', 'saml', 'citizen')).toBeNull();
		expect(takeSignInRequest('state-1', 'oidc', 'citizen')).toMatchObject({ codeVerifier: 'v', nonce: 'n' });
		expect(takeSignInRequest('state-1', 'oidc', 'citizen')).toBeNull();
		expect(takeSignInRequest('unknown', 'oidc', 'citizen')).toBeNull();
		expect(takeSignInRequest('', 'oidc', 'citizen')).toBeNull();
	});

	it('expire', () => {
		const now = new Date();
		saveSignInRequest({ id: 'state-2', kind: 'oidc', audience: 'staff', codeVerifier: 'v', nonce: 'n' }, now);
		expect(takeSignInRequest('state-2', 'oidc', 'staff', new Date(now.getTime() + REQUEST_LIFETIME_MS))).toBeNull();
	});
});
