import { describe, expect, it } from 'vitest';
import { DATE_TEXTS_ID } from '../../shared/date-texts';
import { formatDate, formatShort } from '../../shared/plan-dates';
import { dateTextsTag, keepDateTexts, MAX_DATE_TEXTS } from './date-texts';

describe('a page carries the dates it formatted (issue 18)', () => {
	it('keeps each request’s own dates, also when requests overlap', async () => {
		const a = new Map<string, string>();
		const b = new Map<string, string>();
		const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
		await Promise.all([
			keepDateTexts(a, async () => {
				formatDate('2026-12-04', 'da');
				await tick();
				formatShort('2026-12-07T09:30:00Z', 'da');
			}),
			keepDateTexts(b, async () => {
				await tick();
				formatDate('2027-01-21', 'en');
			})
		]);
		expect([...a.values()]).toEqual([formatDate('2026-12-04', 'da'), formatShort('2026-12-07T09:30:00Z', 'da')]);
		expect([...b.values()]).toEqual([formatDate('2027-01-21', 'en')]);
		expect([...b.keys()]).toEqual([`en-GB plan-date ${Date.parse('2027-01-21T12:00:00Z')}`]);
	});

	it('keeps nothing outside a request, and at most MAX_DATE_TEXTS per page', () => {
		const outside = new Map<string, string>();
		keepDateTexts(outside, () => undefined);
		formatDate('2026-12-04', 'da');
		expect(outside.size).toBe(0);

		const many = new Map<string, string>();
		keepDateTexts(many, () => {
			for (let day = 0; day < MAX_DATE_TEXTS + 50; day++) formatDate(new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10), 'da');
		});
		expect(many.size).toBe(MAX_DATE_TEXTS);
	});

	it('writes them as a JSON block no text can end early, and nothing when there are none', () => {
		expect(dateTextsTag(new Map())).toBe('');
		const tag = dateTextsTag(new Map([['da-DK plan-date 1', '</script><script>alert(1)</script>']]));
		expect(tag.startsWith(`<script type="application/json" id="${DATE_TEXTS_ID}">`)).toBe(true);
		expect(tag.match(/<\/script>/g)).toHaveLength(1);
		const json = tag.slice(tag.indexOf('>') + 1, tag.lastIndexOf('</script>'));
		expect(JSON.parse(json)).toEqual({ 'da-DK plan-date 1': '</script><script>alert(1)</script>' });
	});
});
