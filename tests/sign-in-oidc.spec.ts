import { expect, test, type Page } from '@playwright/test';
import { freePort, startServer, type AppServer } from './access/server';
import { signInWorld } from './sign-in-world';
import { CLIENTS, startProvider, type TestProvider } from './oidc/provider';

/**
 * Signing in with OpenID Connect (issue 19) against a real OpenID Provider (panva's
 * oidc-provider, tests/oidc/provider.ts) on a local port: a young person's first sign-in with an
 * invite code and later ones straight in, staff matched by e-mail, unknown and disabled staff
 * refused, and every tampered or refused callback answered with a kind page and nothing stored.
 */
let app: AppServer;
let idp: TestProvider;

test.beforeAll(async () => {
	const idpPort = await freePort();
	const env = (audience: 'CITIZEN' | 'STAFF', client: { id: string; secret: string }, name: string) => ({
		[`OIDC_${audience}_ISSUER`]: `http://localhost:${idpPort}`,
		[`OIDC_${audience}_CLIENT_ID`]: client.id,
		[`OIDC_${audience}_CLIENT_SECRET`]: client.secret,
		[`OIDC_${audience}_NAME`]: name
	});
	app = await startServer({
		name: 'oidc',
		env: { ...env('CITIZEN', CLIENTS.citizen, 'UNI-Login'), ...env('STAFF', CLIENTS.staff, 'Kommunens login') }
	});
	try {
		idp = await startProvider(idpPort, app.origin);
	} catch (error) {
		await app.stop();
		throw error;
	}
});

test.afterAll(async () => {
	await idp?.stop();
	await app?.stop();
});

const { at, database, counts, inviteYouth, setStaff, signInWith, refusedPage } = signInWorld(() => app);

test('a young person links UNI-Login once with their invite code, and later goes straight in', async ({ page }) => {
	const code = inviteYouth('Sara Holm');
	idp.next = { account: { sub: 'uni-sara' } };
	await signInWith(page, /Log ind med UNI-Login/);
	await expect(page).toHaveURL(/\/login\/link$/);
	await expect(page.getByRole('heading', { name: 'Første gang her' })).toBeVisible();
	await page.getByLabel('Kode').fill('forkert-kode');
	await page.getByRole('button', { name: 'Fortsæt' }).click();
	await expect(page.getByText('Koden passer ikke')).toBeVisible();
	await page.getByLabel('Kode').fill(code);
	await page.getByRole('button', { name: 'Fortsæt' }).click();
	await expect(page).toHaveURL(at('/'));

	// The link is listed; the last one cannot go while Sara has no password.
	await page.goto(at('/profile'));
	await page.getByRole('link', { name: 'Måder at logge ind' }).click();
	await expect(page.getByTestId('linked-sign-ins')).toContainText('UNI-Login');
	await page.getByRole('button', { name: /Fjern/ }).click();
	await expect(page.getByRole('alert')).toContainText('sidste måde');

	// Logging out ends the session here and at the provider, back to our login page.
	await page.goto(at('/profile'));
	await page.getByRole('button', { name: /Log ud/ }).click();
	await page.waitForURL((url) => url.origin === idp.issuer || url.search.includes('loggedOut=1'));
	if (new URL(page.url()).origin === idp.issuer) {
		// oidc-provider asks whether to sign out there too: yes.
		await page.getByRole('button', { name: /yes/i }).click();
	}
	await page.waitForURL(/\/login\?loggedOut=1/);

	// Later: straight in, no code.
	await signInWith(page, /Log ind med UNI-Login/);
	await expect(page).toHaveURL(at('/'));
	const db = database();
	try {
		const session = db
			.prepare(`select sign_in_provider, logout_hint from sessions s join users u on u.id = s.user_id where u.display_name = 'Sara Holm'`)
			.get() as {
			sign_in_provider: string;
			logout_hint: string;
		};
		expect(session.sign_in_provider).toBe('oidc-citizen');
		expect(session.logout_hint.split('.')).toHaveLength(3);
		expect(db.prepare(`select password_hash from users where display_name = 'Sara Holm'`).get()).toEqual({ password_hash: null });
	} finally {
		db.close();
	}
});

test('staff are matched by e-mail to their account', async ({ page }) => {
	setStaff('mette', { externalLogin: 'Mette.Hansen@kommune.dk' });
	idp.next = { account: { sub: 'entra-mette', email: 'mette.hansen@KOMMUNE.dk' } };
	await signInWith(page, /Log ind med Kommunens login/);
	await expect(page).toHaveURL(/\/staff/);
});

test('unknown staff are refused with a clear page, never made on the fly', async ({ page }) => {
	const before = counts();
	idp.next = { account: { sub: 'entra-stranger', email: 'stranger@kommune.dk' } };
	await signInWith(page, /Log ind med Kommunens login/);
	await expect(refusedPage(page)).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('medarbejderkonto');
	expect(counts()).toEqual(before);
});

test('disabled staff are refused', async ({ page }) => {
	setStaff('ali', { externalLogin: 'ali@kommune.dk', disabled: true });
	const before = counts();
	idp.next = { account: { sub: 'entra-ali', email: 'ali@kommune.dk' } };
	await signInWith(page, /Log ind med Kommunens login/);
	await expect(refusedPage(page)).toBeVisible();
	expect(counts()).toEqual(before);
});

test('the person saying no at the provider (access_denied) gets a kind page, nothing stored', async ({ page }) => {
	const before = counts();
	idp.next = { account: { sub: 'uni-no' }, deny: true };
	await signInWith(page, /Log ind med UNI-Login/);
	await expect(refusedPage(page)).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('Du loggede ikke ind');
	expect(counts()).toEqual(before);
});

/**
 * The browser's way to the callback, hop by hop (Playwright's routes do not see redirected
 * requests): the sign-in button's post, the provider's authorization request (which `change` may
 * alter), its interaction; returns the callback address the provider sends the browser to. The
 * cookies (our state cookie, the provider's) are the page's own.
 */
async function walkToCallback(page: Page, change?: (authorization: URL) => void): Promise<string> {
	const start = await page.request.post(at('/login/oidc/citizen'), { maxRedirects: 0, headers: { origin: app.origin } });
	expect(start.status()).toBe(303);
	const authorization = new URL(start.headers()['location']!);
	change?.(authorization);
	let url = authorization.href;
	for (let hop = 0; hop < 10; hop++) {
		if (url.startsWith(at('/login/oidc/citizen/callback'))) return url;
		const res = await page.request.get(url, { maxRedirects: 0 });
		expect(res.status(), url).toBeLessThan(400);
		url = new URL(res.headers()['location']!, url).href;
	}
	throw new Error('the provider never sent the browser back');
}

test('a tampered state is refused, and a used one too', async ({ page }) => {
	const before = counts();
	idp.next = { account: { sub: 'uni-tamper' } };
	const callback = await walkToCallback(page);
	const tampered = new URL(callback);
	tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
	await page.goto(tampered.href);
	await expect(refusedPage(page)).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('Det tog for lang tid');
	expect(counts()).toEqual(before);
	// The true callback after that: the state cookie went with the refused one, so it is refused too.
	await page.goto(callback);
	await expect(refusedPage(page)).toBeVisible();
	expect(counts()).toEqual(before);
});

test('a callback used twice is refused the second time', async ({ page }) => {
	idp.next = { account: { sub: 'uni-twice' } };
	const callback = await walkToCallback(page);
	await page.goto(callback);
	await expect(page).toHaveURL(/\/login\/link$/);
	const before = counts();
	await page.goto(callback);
	await expect(refusedPage(page)).toBeVisible();
	expect(counts()).toEqual(before);
});

test('an ID token with another nonce is refused, nothing stored', async ({ page }) => {
	const before = counts();
	idp.next = { account: { sub: 'uni-nonce' } };
	// The provider is asked for another nonce than the one Minvej keeps: its ID token carries that one.
	const callback = await walkToCallback(page, (authorization) => authorization.searchParams.set('nonce', 'a-nonce-minvej-never-made'));
	await page.goto(callback);
	await expect(refusedPage(page)).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('Vi kunne ikke tjekke');
	expect(counts()).toEqual(before);
});

test('an ID token for another audience is refused, nothing stored', async ({ page }) => {
	const before = counts();
	idp.next = { account: { sub: 'uni-audience' } };
	// The code is issued to another client and the token endpoint answers as for that client:
	// a properly signed ID token, with Minvej's nonce, whose audience is not Minvej.
	const callback = await walkToCallback(page, (authorization) => authorization.searchParams.set('client_id', CLIENTS.other.id));
	idp.tokensForAnotherClient = true;
	try {
		await page.goto(callback);
		await expect(refusedPage(page)).toBeVisible();
		await expect(page.getByRole('alert')).toContainText('Vi kunne ikke tjekke');
		expect(idp.lastIdTokenAudience).toBe(CLIENTS.other.id);
	} finally {
		idp.tokensForAnotherClient = false;
	}
	expect(counts()).toEqual(before);
});
