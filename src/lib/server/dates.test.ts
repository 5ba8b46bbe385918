import { describe, expect, it } from 'vitest';
import { addDaysIso, startOfDayIn, todayIso } from './dates';

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
