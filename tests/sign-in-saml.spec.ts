import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { freePort, startServer, type AppServer } from './access/server';
import { signInWorld } from './sign-in-world';
import { CPR, EMAIL, LOA, makeKeyPair, PERSON_UUID, startIdp, type TestIdp } from './saml/idp';

/**
 * Signing in with SAML (issue 19: MitID through NemLog-in for citizens, KOMBIT's Context Handler
 * for staff) against a real identity provider (samlify in IdP mode, tests/saml/idp.ts) that signs
 * its assertions with its own key: a young person's first sign-in with an invite code and later
 * ones straight in, staff matched by e-mail, unknown and disabled staff refused, and every
 * expired, unsigned, re-signed, misaddressed, replayed, too weak or failed answer refused with a
 * kind page and nothing stored.
 */
let app: AppServer;
let idp: TestIdp;

test.beforeAll(async () => {
	idp = await startIdp(await freePort());
	const sp = makeKeyPair('minvej-sp');
	try {
		app = await startServer({
			name: 'saml',
			env: {
				// The citizen side reads its IdP metadata from a file and its key pair from paths …
				SAML_CITIZEN_IDP_METADATA: idp.metadataPath,
				SAML_CITIZEN_SP_KEY: sp.keyPath,
				SAML_CITIZEN_SP_CERT: sp.certPath,
				// … the staff side from a URL and PEM text.
				SAML_STAFF_IDP_METADATA: idp.metadataUrl,
				SAML_STAFF_SP_KEY: sp.key,
				SAML_STAFF_SP_CERT: sp.cert,
				SAML_STAFF_NAME: 'KOMBIT'
			}
		});
	} catch (error) {
		await idp.stop();
		throw error;
	}
});

test.afterAll(async () => {
	await app?.stop();
	await idp?.stop();
});

const { at, database, counts, inviteYouth, setStaff, signInWith, refusedPage } = signInWorld(() => app);

/** A staff page (not the staff audience's refusal page, which has /staff in it too). */
const staffHome = /^http:\/\/localhost:\d+\/staff(\/|\?|$)/;

/** A citizen as NemLog-in describes one (OIOSAML 3): assurance, person UUID, and a CPR number Minvej must not keep. */
const citizen = (uuid: string, loa = 'Substantial') => ({
	nameId: `persistent-${uuid}`,
	attributes: { [LOA]: loa, [PERSON_UUID]: uuid, [CPR]: '0101101234' }
});

test('our SP metadata names the entity, the ACS and single logout', async ({ request }) => {
	const res = await request.get(at('/login/saml/citizen/metadata'));
	expect(res.status()).toBe(200);
	const xml = await res.text();
	expect(xml).toContain(`entityID="${at('/login/saml/citizen/metadata')}"`);
	expect(xml).toContain(`Location="${at('/login/saml/citizen/acs')}"`);
	expect(xml).toContain(`Location="${at('/login/saml/citizen/logout')}"`);
	expect(xml).toContain('WantAssertionsSigned="true"');
	expect((await request.get(at('/login/saml/nobody/metadata'))).status()).toBe(404);
});

test('a young person links MitID once with their invite code, and later goes straight in', async ({ page }) => {
	const code = inviteYouth('Maja Lund');
	const uuid = randomUUID();
	idp.next = citizen(uuid);
	await signInWith(page, /Log ind med MitID/);
	await expect(page).toHaveURL(/\/login\/link$/);
	await expect(page.getByRole('heading', { name: 'Første gang her' })).toBeVisible();
	await page.getByLabel('Kode').fill(code);
	await page.getByRole('button', { name: 'Fortsæt' }).click();
	await expect(page).toHaveURL(at('/'));

	await page.goto(at('/profile'));
	await page.getByRole('link', { name: 'Måder at logge ind' }).click();
	await expect(page.getByTestId('linked-sign-ins')).toContainText('MitID');

	// Logging out ends the session here and asks the IdP to end its own (single logout).
	await page.goto(at('/profile'));
	await page.getByRole('button', { name: /Log ud/ }).click();
	await page.waitForURL(/\/login\?loggedOut=1/);
	expect(idp.loggedOut).toContain(`persistent-${uuid}`);

	// Later: straight in, no code.
	idp.next = citizen(uuid, 'High');
	await signInWith(page, /Log ind med MitID/);
	await expect(page).toHaveURL(at('/'));
	const db = database();
	try {
		const link = db.prepare(`select protocol, issuer, subject from linked_sign_ins where subject = ?`).get(uuid);
		expect(link).toEqual({ protocol: 'saml', issuer: idp.entityId, subject: uuid });
		const session = db
			.prepare(`select sign_in_provider, logout_hint from sessions s join users u on u.id = s.user_id where u.display_name = 'Maja Lund'`)
			.get() as { sign_in_provider: string; logout_hint: string };
		expect(session.sign_in_provider).toBe('saml-citizen');
		expect(JSON.parse(session.logout_hint)).toMatchObject({ nameID: `persistent-${uuid}` });
		// The CPR number in the assertion is kept nowhere.
		for (const table of ['linked_sign_ins', 'pending_links', 'sessions', 'users']) {
			const rows = JSON.stringify(db.prepare(`select * from ${table}`).all());
			expect(rows, table).not.toContain('0101101234');
		}
	} finally {
		db.close();
	}
});

test('staff are matched by e-mail to their account, also from an encrypted assertion', async ({ page }) => {
	setStaff('sofie', { externalLogin: 'Sofie.Berg@kommune.dk' });
	idp.next = { nameId: 'kombit-sofie', attributes: { [EMAIL]: 'sofie.berg@KOMMUNE.dk' }, fault: 'encrypted' };
	await signInWith(page, /Log ind med KOMBIT/);
	await expect(page).toHaveURL(staffHome);
});

test('unknown staff are refused with a clear page, never made on the fly', async ({ page }) => {
	const before = counts();
	idp.next = { nameId: 'kombit-stranger', attributes: { [EMAIL]: 'stranger@kommune.dk' } };
	await signInWith(page, /Log ind med KOMBIT/);
	await expect(refusedPage(page)).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('medarbejderkonto');
	expect(counts()).toEqual(before);
});

test('disabled staff are refused', async ({ page }) => {
	setStaff('ali', { externalLogin: 'ali@kommune.dk', disabled: true });
	const before = counts();
	idp.next = { nameId: 'kombit-ali', attributes: { [EMAIL]: 'ali@kommune.dk' } };
	await signInWith(page, /Log ind med KOMBIT/);
	await expect(refusedPage(page)).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('lukket');
	expect(counts()).toEqual(before);
});

const refusals: { name: string; next: () => TestIdp['next']; says: string }[] = [
	{ name: 'an expired assertion', next: () => ({ ...citizen(randomUUID()), fault: 'expired' }), says: 'Vi kunne ikke tjekke' },
	{ name: 'an unsigned assertion', next: () => ({ ...citizen(randomUUID()), fault: 'unsigned' }), says: 'Vi kunne ikke tjekke' },
	{
		name: 'an assertion signed by another key',
		next: () => ({ ...citizen(randomUUID()), fault: 'resigned' }),
		says: 'Vi kunne ikke tjekke'
	},
	{
		name: 'an assertion for another audience',
		next: () => ({ ...citizen(randomUUID()), fault: 'audience' }),
		says: 'Vi kunne ikke tjekke'
	},
	{ name: 'a citizen at assurance level Low', next: () => citizen(randomUUID(), 'Low'), says: 'ikke sikkert nok' },
	{ name: 'a SAML status Responder/AuthnFailed', next: () => ({ ...citizen(randomUUID()), fault: 'status' }), says: 'Du loggede ikke ind' }
];

for (const refusal of refusals) {
	test(`${refusal.name} is refused with a kind page, nothing stored`, async ({ page }) => {
		const before = counts();
		idp.next = refusal.next();
		await signInWith(page, /Log ind med MitID/);
		await expect(refusedPage(page)).toBeVisible();
		await expect(page.getByRole('alert')).toContainText(refusal.says);
		expect(counts()).toEqual(before);
	});
}

test('a replayed response (the same InResponseTo twice) is refused, nothing stored', async ({ page }) => {
	setStaff('jonas', { externalLogin: 'jonas@kommune.dk' });
	idp.next = { nameId: 'kombit-jonas', attributes: { [EMAIL]: 'jonas@kommune.dk' } };
	await signInWith(page, /Log ind med KOMBIT/);
	await expect(page).toHaveURL(staffHome);
	const { response, requestId } = idp.last!;
	const before = counts();
	// The same answer again, even with the request's cookie: the request id was used up.
	const replay = await page.request.post(at('/login/saml/staff/acs'), {
		form: { SAMLResponse: response },
		headers: { origin: idp.origin, cookie: `minvej_saml_request=${requestId}` },
		maxRedirects: 0
	});
	expect(replay.status()).toBe(303);
	expect(replay.headers()['location']).toBe('/login/saml/staff/refused?problem=expired');
	expect(counts()).toEqual(before);
});

test('only the ACS takes a cross-site form post; everywhere else it is refused', async ({ request }) => {
	const acs = await request.post(at('/login/saml/citizen/acs'), {
		form: { SAMLResponse: 'x' },
		headers: { origin: idp.origin },
		maxRedirects: 0
	});
	expect(acs.status()).toBe(303);
	for (const path of ['/login', '/login/link', '/logout', '/login/saml/citizen']) {
		const res = await request.post(at(path), { form: { username: 'mette' }, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
		expect(res.status(), path).toBe(403);
	}
	const sameSite = await request.post(at('/login/saml/citizen'), { form: {}, headers: { origin: app.origin }, maxRedirects: 0 });
	expect(sameSite.status()).toBe(303);
});

test('an answer brought to another browser (without the request cookie) is refused, nothing stored', async ({ page, playwright }) => {
	idp.next = citizen(randomUUID());
	const start = await page.request.post(at('/login/saml/citizen'), { maxRedirects: 0, headers: { origin: app.origin } });
	expect(start.status()).toBe(303);
	const form = await (await page.request.get(start.headers()['location']!)).text();
	const response = /name="SAMLResponse" value="([^"]+)"/.exec(form)![1]!;
	const before = counts();
	const other = await playwright.request.newContext();
	try {
		const reply = await other.post(at('/login/saml/citizen/acs'), {
			form: { SAMLResponse: response },
			headers: { origin: idp.origin },
			maxRedirects: 0
		});
		expect(reply.status()).toBe(303);
		expect(reply.headers()['location']).toBe('/login/saml/citizen/refused?problem=expired');
	} finally {
		await other.dispose();
	}
	expect(counts()).toEqual(before);
});
