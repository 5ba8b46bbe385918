import { describe, expect, it } from 'vitest';
import { addWorkdays, isWorkday, onOrNextWorkday, workdaysBetween } from './calendar';

describe('the Danish working-day calendar', () => {
	it('knows Easter, Ascension, Whitsun and Christmas, and the days authorities close', () => {
		// Easter 2026: Thursday 2 April to Monday 6 April.
		for (const day of ['2026-04-02', '2026-04-03', '2026-04-06']) expect(isWorkday(day), day).toBe(false);
		expect(isWorkday('2026-04-01')).toBe(true);
		expect(isWorkday('2026-04-07')).toBe(true);
		expect(isWorkday('2026-05-14')).toBe(false); // Kristi himmelfartsdag
		expect(isWorkday('2026-05-25')).toBe(false); // anden pinsedag
		expect(isWorkday('2026-06-05')).toBe(false); // grundlovsdag
		for (const day of ['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01']) expect(isWorkday(day), day).toBe(false);
		expect(isWorkday('2026-12-28')).toBe(true);
		// Easter 2027 is in March (Thursday 25 to Monday 29).
		expect(isWorkday('2027-03-25')).toBe(false);
		expect(isWorkday('2027-03-29')).toBe(false);
	});

	it('keeps store bededag as a holiday until 2023 and a working day from 2024', () => {
		expect(isWorkday('2023-05-05')).toBe(false);
		expect(isWorkday('2024-04-26')).toBe(true);
	});

	it('counts 5 working days from the day after, over weekends and holidays', () => {
		// A Friday: the next Friday.
		expect(addWorkdays('2026-11-13', 5)).toBe('2026-11-20');
		// A Monday: the next Monday.
		expect(addWorkdays('2026-11-16', 5)).toBe('2026-11-23');
		// A Saturday: from Monday, so Friday.
		expect(addWorkdays('2026-11-14', 5)).toBe('2026-11-20');
		// Wednesday before Easter 2026: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13 April.
		expect(addWorkdays('2026-04-01', 5)).toBe('2026-04-13');
		// Monday 21 December 2026: Tue 22, Wed 23, Mon 28, Tue 29, Wed 30.
		expect(addWorkdays('2026-12-21', 5)).toBe('2026-12-30');
		// Wednesday 30 December: Mon 4, Tue 5, Wed 6, Thu 7, Fri 8 January.
		expect(addWorkdays('2026-12-30', 5)).toBe('2027-01-08');
	});

	it('moves a date that falls on a closed day to the next working day', () => {
		expect(onOrNextWorkday('2026-12-24')).toBe('2026-12-28');
		expect(onOrNextWorkday('2026-04-03')).toBe('2026-04-07');
		expect(onOrNextWorkday('2026-11-18')).toBe('2026-11-18');
	});

	it('counts the working days between two dates either way', () => {
		expect(workdaysBetween('2026-11-13', '2026-11-20')).toBe(5);
		expect(workdaysBetween('2026-11-20', '2026-11-13')).toBe(-5);
		expect(workdaysBetween('2026-12-23', '2026-12-28')).toBe(1);
		expect(workdaysBetween('2026-11-18', '2026-11-18')).toBe(0);
	});
});
