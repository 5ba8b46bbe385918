import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test } from './story';
import { expectAccessible, login, userIdOf, withDb } from './helpers';

/** The text of a PDF, all pages, as a reader extracts it (spaces normalised). */
async function pdfText(bytes: Uint8Array): Promise<string> {
	const pdf = await getDocument({ data: bytes }).promise;
	let text = '';
	for (let n = 1; n <= pdf.numPages; n++) {
		const content = await (await pdf.getPage(n)).getTextContent();
		text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n';
	}
	return text.replace(/\s+/g, ' ');
}

/**
 * Issue 21, "a plan with weight": Freja (under 18) approves her plan; the approved version waits
 * for a parent's signature; Karen, her mother (custody, the plan shared with her), co-signs it on
 * /parent; Freja downloads the PDF of the version, which carries the goal, the steps, the version
 * and Karen's co-signature.
 */
test.describe('plan approval with a parent’s co-signature', () => {
	test.describe.configure({ mode: 'serial' });

	test('freja approves her plan; it waits for a parent to sign', async ({ page }) => {
		// Her guide has changed the plan since she last agreed: she is asked to look again.
		withDb((db) => db.prepare('update plans set version = version + 1 where youth_id = ?').run(userIdOf('freja')));
		await login(page, 'freja');
		await page.goto('/plan');
		await page.getByRole('button', { name: 'Jeg er enig i min plan' }).click();
		const approved = page.getByTestId('approved-plan');
		await expect(approved).toContainText('Du godkendte version');
		await expect(approved.getByTestId('cosign-waiting')).toContainText('venter på underskrift fra en forælder');
		await expectAccessible(page);
	});

	test('karen co-signs it on her page', async ({ page }) => {
		await login(page, 'karen');
		await page.goto(`/parent/${userIdOf('freja')}`);
		const cosign = page.getByTestId('cosign-plan');
		await expect(cosign.getByRole('heading')).toContainText(/Freja har godkendt sin plan \(version \d+\) — skriv under/);
		await expectAccessible(page);
		await cosign.getByRole('button', { name: 'Skriv under' }).click();
		await expect(cosign.getByTestId('cosigned')).toContainText('Karen');
		await expect(cosign.getByRole('button', { name: 'Skriv under' })).toHaveCount(0);
		await expectAccessible(page);
	});

	test('freja sees the signature and downloads the PDF: goal, a step, the version and karen as co-signer', async ({ page }) => {
		await login(page, 'freja');
		await page.goto('/plan');
		const approved = page.getByTestId('approved-plan');
		await expect(approved.getByTestId('cosigned')).toContainText('Karen');
		const version = withDb((db) => db.prepare('select version from plans where youth_id = ?').pluck().get(userIdOf('freja')) as number);
		const goal = withDb((db) => db.prepare('select goal_text from plans where youth_id = ?').pluck().get(userIdOf('freja')) as string);
		const karen = withDb((db) => db.prepare("select display_name from users where username = 'karen'").pluck().get() as string);

		const [download] = await Promise.all([page.waitForEvent('download'), approved.getByRole('link', { name: /som PDF/ }).click()]);
		expect(download.suggestedFilename()).toBe(`minvej-plan-version-${version}.pdf`);
		const text = await pdfText(new Uint8Array(await readFile((await download.path())!)));
		expect(text).toContain(goal.replace(/\s+/g, ' '));
		expect(text).toContain('Send din ansøgning til praktikpladsen hos Hansen Byg');
		expect(text).toContain(`Version: ${version}`);
		expect(text).toContain(`Medunderskrevet af ${karen}`);
		// Her plan's history says that her mother co-signed.
		await expect(
			page.getByRole('region', { name: 'Det er sket med planen' }).getByText(`${karen} skrev også under på planen`)
		).toBeVisible();

		// The approved versions are in her data too.
		await page.goto('/privacy');
		await expect(
			page.getByTestId('approved-plans').getByRole('link', { name: `Version ${version}, godkendt`, exact: false })
		).toBeVisible();
		await expectAccessible(page);
	});

	test('mette sees the approved version with karen’s signature on freja’s page and downloads its PDF', async ({ page }) => {
		const version = withDb((db) => db.prepare('select version from plans where youth_id = ?').pluck().get(userIdOf('freja')) as number);
		await login(page, 'mette');
		await page.goto(`/staff/youth/${userIdOf('freja')}`);
		const approvals = page.getByTestId('staff-approvals');
		const item = approvals.getByRole('listitem').filter({ hasText: `Version ${version},` });
		await expect(item).toContainText(/godkendt af Freja .* medunderskrevet af Karen/);
		const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('link').click()]);
		expect(download.suggestedFilename()).toBe(`minvej-plan-version-${version}.pdf`);
		expect(await pdfText(new Uint8Array(await readFile((await download.path())!)))).toContain(`Version: ${version}`);
		await expectAccessible(page);
	});
});
