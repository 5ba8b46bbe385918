import { expect, test, type Page } from './story';
import { expectAccessible, login, logout, switchLanguage, visit } from './helpers';

// Each test leaves its young person without an open request, so the tests do not depend on their order.

/** Opens a page and waits until it is hydrated, so typing is not reset by the page's own values. */
const request = (page: Page) => page.getByTestId('guide-request');
const directoryEntry = (page: Page, name: string) => page.getByTestId('directory-guide').filter({ hasText: name });

/** The coordinator opens the youth's request in the visitation queue. */
async function openInQueue(page: Page, youth: string) {
	await visit(page, '/staff/requests');
	await page.getByRole('link', { name: `Behandl anmodningen fra ${youth}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Anmodning fra ${youth}`);
}

test.describe('choosing a guide', () => {
	// Long flows across several logins on a shared, busy machine.
	test.describe.configure({ timeout: 120_000 });

	test('noah picks a guide (sofie is full), lone approves, and a later change cuts the old guide off', async ({ page }) => {
		await login(page, 'noah');
		await visit(page, '/guide');
		await expect(page.getByRole('heading', { name: 'Tre måder at få en guide' })).toBeVisible();
		await expectAccessible(page);

		// Sofie is at full capacity: shown as such, with why and what to do instead, and not pickable.
		const sofie = directoryEntry(page, 'Sofie Holm');
		await expect(sofie.getByText('Fuld', { exact: true })).toBeVisible();
		await expect(sofie).toContainText('Derfor kan du ikke vælge Sofie Holm');
		await expect(sofie).toContainText('foreslå en, du kender');
		await expect(sofie.getByRole('button')).toHaveCount(0);

		await directoryEntry(page, 'Mette Larsen').getByRole('button', { name: 'Send ønske om Mette Larsen som guide' }).click();
		await expect(page.getByRole('status')).toHaveText('Dit ønske er sendt. Du kan følge med her.');
		await expect(request(page)).toContainText('Ønske: Mette Larsen som guide');
		await expect(request(page)).toContainText(/Sendt \d+\. \w+ \d{4}/);
		await expect(request(page)).toContainText(/Ungeenheden ser på det onsdag \d+\. \w+, når de fordeler guider/);
		await expect(request(page)).toContainText('Du får svar her');
		// One open request at a time: the ways to send another are gone until this one is decided.
		await expect(page.getByTestId('directory-guide')).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Træk ønsket tilbage' })).toBeVisible();
		await expectAccessible(page);
		await switchLanguage(page, 'en');
		await expect(request(page)).toContainText(/The youth unit looks at it on Wednesday/);
		await expectAccessible(page);
		await switchLanguage(page, 'da');
		await logout(page);

		await login(page, 'lone');
		await page.goto('/staff/requests');
		await expect(page.getByRole('heading', { name: /^Mødet onsdag/ }).first()).toBeVisible();
		const item = page.getByTestId('queue-item').filter({ hasText: 'Noah Jensen' });
		await expect(item).toContainText('14 år');
		await expect(item).toContainText('Ingen guide');
		await expect(item).toContainText('Vil have Mette Larsen');
		await expect(page.getByRole('row', { name: /Sofie Holm/ })).toContainText('2 af 2');
		await expectAccessible(page);
		await switchLanguage(page, 'en');
		await expectAccessible(page);
		await switchLanguage(page, 'da');
		await openInQueue(page, 'Noah Jensen');
		await expect(page.getByLabel('Guide, der tildeles')).toHaveValue(/.+/);
		await expect(page.getByLabel('Guide, der tildeles').locator('option:checked')).toHaveText(/^Mette Larsen/);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Godkend' }).click();
		await expect(page.getByTestId('decision-notice')).toHaveText('Anmodningen er godkendt, og guiden er tildelt.');
		await logout(page);

		// Noah gets a mark on Guide, then sees his guide's card.
		await login(page, 'noah');
		await expect(page.getByTestId('badge-guide')).toHaveText('1');
		await visit(page, '/guide');
		const card = page.getByTestId('guide-card');
		await expect(card.getByRole('heading', { name: 'Mette Larsen', exact: true })).toBeVisible();
		await expect(card).toContainText('Socialrådgiver');
		await expect(card).toContainText('dansk, engelsk');
		await expect(card.getByRole('link', { name: 'Skriv til Mette Larsen i Minvej' })).toHaveAttribute('href', '/messages');
		await expect(request(page)).toContainText('Mette Larsen er din guide nu');
		await expect(page.getByTestId('badge-guide')).toHaveCount(0);
		await expectAccessible(page);
		await logout(page);

		// The guide sees noah and opens his page.
		await login(page, 'mette');
		await page.getByRole('link', { name: 'Noah Jensen' }).click();
		await expect(page).toHaveURL(/\/staff\/youth\/[a-z0-9]+$/);
		const noahPage = new URL(page.url()).pathname;
		await logout(page);

		// Noah asks to change to jonas; once lone approves, mette loses access at once.
		await login(page, 'noah');
		await visit(page, '/guide');
		await page.getByText('Skift guide', { exact: true }).click();
		await page.getByLabel('Ønsker du en bestemt guide? (valgfrit)').selectOption({ label: 'Jonas Berg' });
		await page.getByRole('button', { name: 'Bed om at skifte' }).click();
		await expect(request(page)).toContainText('Ønske: Jonas Berg som guide');
		await logout(page);
		await login(page, 'lone');
		await openInQueue(page, 'Noah Jensen');
		await expect(page.getByText('Guide: Mette Larsen')).toBeVisible();
		await page.getByRole('button', { name: 'Godkend' }).click();
		await expect(page.getByTestId('decision-notice')).toBeVisible();
		await logout(page);
		await login(page, 'mette');
		expect((await page.goto(noahPage))?.status()).toBe(404);
		await page.goto('/staff');
		await expect(page.getByRole('link', { name: 'Noah Jensen' })).toHaveCount(0);
		await logout(page);
		await login(page, 'jonas');
		await expect(page.getByRole('link', { name: 'Noah Jensen' })).toBeVisible();
	});

	test('amina proposes her teacher: clear errors keep her text; lone approves with a guide invite', async ({ page }) => {
		await login(page, 'amina');
		await visit(page, '/guide');
		await page.getByText('Skift guide', { exact: true }).click();
		await page.getByLabel('Personens navn').fill('Birgit Dahl');
		await page.getByLabel('Hvem er personen for dig?').selectOption('teacher');
		await page.getByLabel('Hvor arbejder personen?').fill('FGU Eksempelby');
		await page.getByLabel('Telefon eller e-mail').fill('spørg på kontoret');
		await page.getByLabel('Hvorfor vil du gerne have netop denne person?').fill('Sød');
		await page.getByRole('button', { name: 'Send forslaget' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'Ret det, der er markeret herunder.' })).toBeVisible();
		await expect(page.getByText('Skriv et telefonnummer (mindst 8 cifre) eller en e-mailadresse.')).toBeVisible();
		await expect(page.getByText('Skriv mindst 10 tegn om, hvorfor du vil have personen')).toBeVisible();
		await expect(page.getByLabel('Telefon eller e-mail')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Personens navn')).toHaveValue('Birgit Dahl');
		await expect(page.getByLabel('Hvem er personen for dig?')).toHaveValue('teacher');
		await expect(page.getByLabel('Telefon eller e-mail')).toHaveValue('spørg på kontoret');
		await expect(page.getByLabel('Hvorfor vil du gerne have netop denne person?')).toHaveValue('Sød');
		await expectAccessible(page);

		await page.getByLabel('Telefon eller e-mail').fill('birgit.dahl@fgu-eksempel.dk');
		await page.getByLabel('Hvorfor vil du gerne have netop denne person?').fill('Hun er min dansklærer, og jeg stoler på hende.');
		await page.getByRole('button', { name: 'Send forslaget' }).click();
		await expect(page.getByRole('status')).toHaveText('Dit ønske er sendt. Du kan følge med her.');
		await expect(request(page)).toContainText('Forslag: Birgit Dahl');
		await expect(request(page)).toContainText('Lærer · FGU Eksempelby · birgit.dahl@fgu-eksempel.dk');
		await logout(page);

		await login(page, 'lone');
		await openInQueue(page, 'Amina Hassan');
		await expect(page.getByText('Foreslår Birgit Dahl')).toBeVisible();
		await expect(page.getByLabel('Guide, der tildeles').locator('option:checked')).toHaveText('Invitér Birgit Dahl som ny guide');
		await expect(page.getByLabel('Titel eller rolle')).toHaveValue('Lærer');
		await expect(page.getByLabel('Arbejdsplads', { exact: true })).toHaveValue('FGU Eksempelby');
		await page.getByRole('button', { name: 'Godkend' }).click();
		const notice = await page.getByTestId('decision-notice').textContent();
		const link = notice?.match(/https?:\/\/\S+\/invite\/[a-z0-9]+/)?.[0];
		expect(link).toBeTruthy();
		await expectAccessible(page);
		// The link is shown once: reloading the request shows the decision, not the link.
		await page.reload();
		await expect(page.getByText('Status: Godkendt')).toBeVisible();
		await expect(page.getByTestId('decision-notice')).toHaveCount(0);
		await logout(page);

		await page.goto(link!);
		await expect(page.getByText(/Birgit Dahl/)).toBeVisible();

		await login(page, 'amina');
		await visit(page, '/guide');
		await expect(request(page)).toContainText('Ungeenheden har inviteret Birgit Dahl');
		await expect(page.getByTestId('guide-card')).toContainText('Jonas Berg'); // until Birgit accepts
	});

	test('freja asks to change guide with a reason mette never sees; lone declines with a reason freja reads', async ({ page }) => {
		const reason = 'Jeg har svært ved at tale med hende om min familie.';
		await login(page, 'freja');
		await visit(page, '/guide');
		await page.getByText('Skift guide', { exact: true }).click();
		await expect(page.getByText('Din nuværende guide kan ikke se det, du skriver her.')).toBeVisible();
		await page.getByLabel('Vil du fortælle hvorfor? (valgfrit)').fill(reason);
		await page.getByRole('button', { name: 'Bed om at skifte' }).click();
		await expect(request(page)).toContainText('Ønske om at skifte guide');
		await expect(request(page)).toContainText(reason);
		await logout(page);

		await login(page, 'mette');
		await expect(page.locator('main')).not.toContainText(reason);
		await page.getByRole('link', { name: 'Freja Nielsen' }).click();
		await expect(page.locator('main')).not.toContainText(reason);
		expect((await page.goto('/staff/requests'))?.status()).toBe(404);
		await expect(page.locator('body')).not.toContainText(reason);
		await logout(page);

		await login(page, 'lone');
		await page.goto('/staff/requests');
		await expect(page.getByTestId('queue-item').filter({ hasText: 'Freja Nielsen' })).toContainText(reason);
		await openInQueue(page, 'Freja Nielsen');
		// One decision at a time: declining is chosen first (issue 20).
		await page.getByRole('link', { name: 'Afvis', exact: true }).click();
		await page.getByRole('button', { name: 'Afvis anmodningen' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'Skriv en begrundelse til den unge' })).toBeVisible();
		await expect(page.getByText('Status: Venter på svar')).toBeVisible();
		await page.getByLabel('Begrundelse til den unge').fill('Vi vil gerne først tale med dig og Mette sammen. Vi ringer til dig.');
		await page.getByRole('button', { name: 'Afvis anmodningen' }).click();
		await expect(page.getByTestId('decision-notice')).toHaveText('Anmodningen er afvist. Den unge kan læse begrundelsen.');
		await logout(page);

		await login(page, 'freja');
		await visit(page, '/guide');
		await expect(request(page)).toContainText(/Afvist \d+\. \w+ \d{4}\./);
		await expect(request(page)).toContainText('Ungeenheden skriver: Vi vil gerne først tale med dig og Mette sammen.');
		await expect(page.getByTestId('guide-card')).toContainText('Mette Larsen');
		await expectAccessible(page);
	});

	test('peter asks for a guide for noah, who sees it and can withdraw it', async ({ page }) => {
		const reason = 'Noah har brug for en voksen at tale med om skolen.';
		await login(page, 'peter');
		await page.getByRole('link', { name: /Noah/ }).click();
		await expect(page.getByRole('heading', { name: 'Guide til Noah' })).toBeVisible();
		await page.getByRole('link', { name: 'Bed om en guide til Noah' }).click();
		await expectAccessible(page);
		await page.getByLabel('Vil du fortælle hvorfor? (valgfrit)').fill(reason);
		await page.getByRole('button', { name: 'Bed om en guide' }).click();
		await expect(page.getByRole('status')).toHaveText('Dit ønske er sendt. Du kan følge med her.');
		await expect(request(page)).toContainText(reason);
		await expect(request(page)).toContainText(/Ungeenheden ser på det .+, når de fordeler guider/);
		await expectAccessible(page);
		await logout(page);

		await login(page, 'noah');
		await expect(page.getByTestId('badge-guide')).toBeVisible(); // news on Guide (more if noah has older unread news)
		await visit(page, '/guide');
		await expect(request(page)).toContainText(/Sendt \d+\. \w+ \d{4} af Peter Jensen/);
		await expect(request(page)).toContainText(reason);
		await page.getByRole('button', { name: 'Træk ønsket tilbage' }).click();
		await expect(page.getByRole('status')).toHaveText('Ønsket er trukket tilbage.');
		await expect(request(page)).toContainText(/Trukket tilbage/);
		await logout(page);

		await login(page, 'peter');
		await page.getByRole('link', { name: /Noah/ }).click();
		await expect(page.getByText('Status: Trukket tilbage')).toBeVisible();
	});
});

test('a guide keeps the profile young people see', async ({ page }) => {
	await login(page, 'sofie');
	await page.getByRole('link', { name: 'Min profil' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Min profil som guide');
	await expect(page.getByText('Du har 2 af 2 pladser optaget.')).toBeVisible();
	await page.getByLabel('Om dig').fill('Kort');
	await page.getByRole('button', { name: 'Gem profilen' }).click();
	await expect(page.getByText('Skriv lidt om dig selv (10–1000 tegn).')).toBeVisible();
	await expect(page.getByLabel('Om dig')).toHaveValue('Kort');
	await expectAccessible(page);
	await page.getByLabel('Om dig').fill('Vejleder om valg af ungdomsuddannelse. Jeg spiller også håndbold.');
	await page.getByLabel('Sprog').fill('dansk, engelsk, tysk, polsk');
	await page.getByRole('button', { name: 'Gem profilen' }).click();
	await expect(page.getByRole('status')).toHaveText('Din profil er gemt.');
	await logout(page);
	await login(page, 'ida');
	await visit(page, '/guide');
	await expect(page.getByTestId('guide-card')).toContainText('Jeg spiller også håndbold.');
	await expect(page.getByTestId('guide-card')).toContainText('dansk, engelsk, tysk, polsk');
});
