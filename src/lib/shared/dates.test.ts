import { describe, expect, it } from 'vitest';
import { dateFormatter, formatDate, formatDay, intlLocale } from './dates';

describe('dates', () => {
	it('writes a calendar date in Danish and in British English, whatever the machine’s zone', () => {
		expect(formatDate('2026-03-03', 'da')).toBe('3. marts 2026');
		expect(formatDate('2026-03-03', 'en')).toBe('3 March 2026');
	});

	it('gives a moment the day it is in Copenhagen', () => {
		// 00.30 on the 3rd in Copenhagen, still the 2nd in UTC.
		expect(formatDay('2026-03-02T23:30:00Z', 'da')).toBe('3. marts 2026');
		// Summer time: the day turns at 22.00 UTC.
		expect(formatDay(new Date('2026-07-01T21:59:00Z'), 'da')).toBe('1. juli 2026');
		expect(formatDay(new Date('2026-07-01T22:00:00Z'), 'en')).toBe('2 July 2026');
	});

	it('keeps one formatter per language and style', () => {
		const style = { month: 'short', year: 'numeric', timeZone: 'UTC' } as const;
		expect(dateFormatter(style, 'da')).toBe(dateFormatter({ ...style }, 'da'));
		expect(dateFormatter(style, 'en')).not.toBe(dateFormatter(style, 'da'));
		expect(intlLocale('en')).toBe('en-GB');
		expect(intlLocale('da')).toBe('da-DK');
	});
});
