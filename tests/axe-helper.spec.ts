/**
 * The suite's axe helper (tests/helpers.ts) injects axe-core once per page and hands AxeBuilder a
 * source that does nothing: it must still find what axe finds, on every run and after navigating.
 */
import { expect, test } from '@playwright/test';
import { axeViolations } from './helpers';

const FLAWED =
	'<!doctype html><html lang="da"><head><title>Prøve</title></head><body><main><h1>Prøve</h1><img src="data:,"><button></button></main></body></html>';
const FINE = '<!doctype html><html lang="da"><head><title>Prøve</title></head><body><main><h1>Prøve</h1><p>Tekst</p></main></body></html>';

test('axeViolations finds a missing alt text and an unnamed button, again on a second run and on a new document', async ({ page }) => {
	await page.setContent(FLAWED);
	const first = await axeViolations(page);
	expect(first.map((line) => line.split(':')[0]).sort()).toEqual(['button-name', 'image-alt']);
	expect(await axeViolations(page)).toEqual(first);

	await page.setContent(FINE);
	expect(await axeViolations(page)).toEqual([]);
	await page.setContent(FLAWED);
	expect(await axeViolations(page)).toEqual(first);
});
