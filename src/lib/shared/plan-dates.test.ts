import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatShort } from './plan-dates';

describe('the plan’s dates', () => {
	it('are written in the reader’s language, not Danish for every language but English', () => {
		expect(formatDate('2026-03-03', 'da')).toBe('3. marts 2026');
		expect(formatDate('2026-03-03', 'en')).toBe('3 March 2026');
		expect(formatDate('2026-03-03', 'tr')).toBe('3 Mart 2026');
		expect(formatDate('2026-03-03', 'uk')).toMatch(/березня/);
		expect(formatDate('2026-03-03', 'ar')).toMatch(/[\u0600-\u06FF]/); // Arabic month, Gregorian calendar
		expect(formatDate('2026-03-03', 'ar')).toMatch(/٢٠٢٦|2026/);
		expect(formatDate('2026-03-03', 'fa')).toMatch(/[\u0600-\u06FF]/);
		expect(formatDate('2026-03-03', 'fa')).toMatch(/۲۰۲۶|2026/); // the Gregorian year, not the Persian one
		expect(formatDate('2026-03-03', 'so')).toMatch(/2026/);
	});

	it('keep Copenhagen’s day and hour in every language', () => {
		// 00.30 on the 3rd in Copenhagen is still the 2nd in UTC.
		expect(formatDay('2026-03-02T23:30:00Z', 'da')).toBe('3. marts 2026');
		expect(formatDay('2026-03-02T23:30:00Z', 'tr')).toBe('3 Mart 2026');
		expect(formatDateTime('2026-03-05T09:00:00Z', 'da')).toBe('torsdag den 5. marts 2026 kl. 10.00');
		expect(formatDateTime('2026-03-05T09:00:00Z', 'tr')).toMatch(/5 Mart 2026 Perşembe 10:00/);
		expect(formatShort('2026-03-05T09:00:00Z', 'uk')).toMatch(/10:00/);
	});
});
