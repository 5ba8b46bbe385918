import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { expect, test } from './story';
import { login } from './helpers';

/** Hour and minute of a moment on the clock in Copenhagen. */
const copenhagenClock = (d: Date) =>
	new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

test('freja adds her next meeting to her calendar: an .ics at 10:00 in Copenhagen, with a reminder the day before', async ({ page }) => {
	await login(page, 'freja');
	await page.goto('/plan');
	const meetings = page.getByRole('region', { name: 'Dine næste møder' });
	const downloading = page.waitForEvent('download');
	await meetings.getByRole('link', { name: 'Tilføj til kalender' }).first().click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('minvej-meeting.ics');
	const text = await readFile((await download.path())!, 'utf8');

	const calendar = new ICAL.Component(ICAL.parse(text));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
	const [vevent] = calendar.getAllSubcomponents('vevent');
	const event = new ICAL.Event(vevent);
	expect(vevent!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Copenhagen');
	expect(copenhagenClock(event.startDate.toJSDate())).toBe('10.00');
	expect(event.location).toContain('Ungeenheden');
	expect(event.description).toContain('CV');
	expect(event.sequence).toBe(0);
	expect(vevent!.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')))).toEqual(['-P1D']);

	const response = await page.request.get('/plan/calendar.ics');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/calendar');
	expect(response.headers()['cache-control']).toBe('no-store');
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect(await response.text()).toContain(`UID:${event.uid}`);
});
