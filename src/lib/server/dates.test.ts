import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInYears, format, parseISO } from 'date-fns';
import { addDaysIso, agesOn, startOfDayIn, TIME_ZONE, todayIso } from './dates';

describe('calendar days in Copenhagen', () => {
	it('finds the moment a day begins, in winter and in summer time', () => {
		expect(startOfDayIn('2026-03-03').toISOString()).toBe('2026-03-02T23:00:00.000Z');
		expect(startOfDayIn('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
		expect(todayIso(startOfDayIn('2026-07-01'))).toBe('2026-07-01');
		expect(todayIso(new Date(startOfDayIn('2026-07-01').getTime() - 1))).toBe('2026-06-30');
	});

	it('counts days across months, years and the change to summer time', () => {
		expect(addDaysIso('2026-03-03', -90)).toBe('2025-12-03');
		expect(addDaysIso('2026-03-28', 2)).toBe('2026-03-30');
		expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
	});
});

describe('the hot-path dates agree with date-fns', () => {
	// A fixed pseudo-random sequence, so a failure can be repeated.
	let seed = 20261206;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const isoOf = (date: Date) => date.toISOString().slice(0, 10);
	const randomIso = (fromYear: number, years: number) =>
		isoOf(new Date(Date.UTC(fromYear, 0, 1) + Math.floor(random() * years * 365.25) * 86_400_000));

	it('counts ages as differenceInYears does, 29 February and future dates included', () => {
		const cases: [string, string][] = [
			['2027-02-28', '2008-02-29'],
			['2027-03-01', '2008-02-29'],
			['2028-02-29', '2008-02-29'],
			['2026-12-06', '2027-01-01'],
			['2026-12-06', '2026-12-06'],
			['2026-12-06', '2010-12-07'],
			['2026-12-06', '2010-12-06']
		];
		for (let i = 0; i < 3000; i++) cases.push([randomIso(2000, 40), randomIso(1980, 60)]);
		for (const [today, birth] of cases) {
			const noon = startOfDayIn(today).getTime() + 12 * 3_600_000;
			expect(agesOn(new Date(noon))(birth), `${birth} on ${today}`).toBe(differenceInYears(parseISO(today), parseISO(birth)));
		}
		expect(agesOn()('not a date')).toBeNaN();
	});

	it('adds days as addDays does', () => {
		for (let i = 0; i < 3000; i++) {
			const iso = randomIso(1990, 60);
			const days = Math.floor(random() * 2000) - 1000;
			expect(addDaysIso(iso, days), `${iso} + ${days}`).toBe(format(addDays(parseISO(iso), days), 'yyyy-MM-dd'));
		}
		expect(() => addDaysIso('2026-13', 1)).toThrow(RangeError);
	});

	it("finds today's date as @date-fns/tz does, at every hour over a year and at each side of midnight", () => {
		const start = Date.UTC(2026, 0, 1);
		for (let at = start; at < start + 366 * 86_400_000; at += 3_600_000 - 1) {
			for (const moment of [at, at + 1, at - 1]) {
				expect(todayIso(new Date(moment))).toBe(format(new TZDate(moment, TIME_ZONE), 'yyyy-MM-dd'));
			}
		}
	});
});
