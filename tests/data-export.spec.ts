import { readFile } from 'node:fs/promises';
import { expect, test } from './story';
import { expectAccessible, login, secondPhone } from './helpers';

/**
 * Issue 20, "data downloads people can read": beside the JSON (for a program), freja reads her
 * data in words on a page, without internal ids, and downloads the same as one HTML file she can
 * open or print as a PDF.
 */
const UUID_OR_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}-|\b[a-z0-9]{24}\b/;
const CODE_WORDS = /\b[a-z]+_[a-z_]+\b/;

test('freja reads her data in words, with no ids, and downloads it as a file', async ({ page }) => {
	await login(page, 'freja');
	await page.goto('/privacy');
	await expect(page.getByText('JSON-filen er lavet til et andet program')).toBeVisible();
	await page.getByRole('link', { name: 'Læs dine data' }).click();
	await expect(page).toHaveURL('/privacy/export');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dine data, til at læse');
	const doc = page.locator('article.my-data');
	await expect(doc.getByRole('heading', { name: 'Din plan' })).toBeVisible();
	await expect(doc).toContainText('Jeg vil være tømrerlærling');
	await expect(doc.getByRole('region', { name: 'Din plan' })).toContainText('Lav et CV');
	await expect(doc.getByRole('region', { name: 'Beskeder' })).toContainText('Mette Larsen');
	await expect(doc.getByRole('region', { name: 'Samtykker' })).toContainText(/Du sagde ja til Jobcentret \(/);
	await expect(doc.getByRole('region', { name: 'Om dig' })).toContainText('Navn: Freja Nielsen');
	const text = (await page.locator('main').textContent()) ?? '';
	expect(text).not.toMatch(UUID_OR_ID);
	expect(text).not.toMatch(CODE_WORDS);
	await expectAccessible(page);

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent som fil' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^minvej-mine-data-\d{4}-\d{2}-\d{2}\.html$/);
	const html = await readFile((await download.path())!, 'utf8');
	expect(html).toMatch(/^<!doctype html>/);
	expect(html).toContain('<html lang="da"');
	expect(html).toContain('Jeg vil være tømrerlærling');
	expect(html).toContain('<style');
	expect(html).not.toContain('<script');
	expect(html.replace(/<[^>]+>/g, ' ')).not.toMatch(UUID_OR_ID);
});

test('without JavaScript the page and the file are there too; others cannot open them', async ({ browser, page }, info) => {
	const plain = await secondPhone(browser, info, { javaScriptEnabled: false });
	await login(plain, 'freja');
	await plain.goto('/privacy/export');
	await expect(plain.getByRole('heading', { name: 'Din plan' })).toBeVisible();
	const file = await plain.request.get('/privacy/export.html');
	expect(file.status()).toBe(200);
	expect(file.headers()['content-disposition']).toMatch(/^attachment; filename="minvej-mine-data-/);
	expect(file.headers()['cache-control']).toBe('no-store');
	await plain.context().close();

	await login(page, 'mette');
	expect((await page.request.get('/privacy/export')).status()).toBe(404);
	expect((await page.request.get('/privacy/export.html')).status()).toBe(404);
});
