import { describe, expect, it } from 'vitest';
import { expectAnswer, workingTimeInput, type WorkingTime } from './answer-time';

const weekdays: WorkingTime = { days: [1, 2, 3, 4, 5], from: '09:00', to: '15:00', awayFrom: null, awayUntil: null, awayText: null };

describe('when the guide will answer', () => {
	it('within working hours: today, until the end of the day’s hours', () => {
		// Wednesday 3 December 2025, 10:30 in Copenhagen (winter time, UTC+1).
		expect(expectAnswer(weekdays, new Date('2025-12-03T09:30:00Z'))).toEqual({ kind: 'working', until: new Date('2025-12-03T14:00:00Z') });
	});

	it('after hours: the next working morning; on Friday evening, Monday', () => {
		expect(expectAnswer(weekdays, new Date('2025-12-03T14:00:00Z'))).toEqual({ kind: 'next', at: new Date('2025-12-04T08:00:00Z') });
		expect(expectAnswer(weekdays, new Date('2025-12-05T18:00:00Z'))).toEqual({ kind: 'next', at: new Date('2025-12-08T08:00:00Z') });
		// Before the day's start: the same morning.
		expect(expectAnswer(weekdays, new Date('2025-12-04T06:00:00Z'))).toEqual({ kind: 'next', at: new Date('2025-12-04T08:00:00Z') });
	});

	it('across the change to summer time: Monday 9:00 is 7:00 UTC after the weekend it changes', () => {
		// Friday 27 March 2026, 16:00 (UTC+1); summer time starts Sunday 29 March.
		expect(expectAnswer(weekdays, new Date('2026-03-27T15:00:00Z'))).toEqual({ kind: 'next', at: new Date('2026-03-30T07:00:00Z') });
		// And back: Friday 23 October 2026 (UTC+2), winter time from Sunday 25 October.
		expect(expectAnswer(weekdays, new Date('2026-10-23T14:00:00Z'))).toEqual({ kind: 'next', at: new Date('2026-10-26T08:00:00Z') });
	});

	it('only on the guide’s own days', () => {
		const tuesdaysAndThursdays = { ...weekdays, days: [2, 4], from: '12:00', to: '18:00' };
		// Wednesday 3 December 2025: next is Thursday 12:00.
		expect(expectAnswer(tuesdaysAndThursdays, new Date('2025-12-03T12:00:00Z'))).toEqual({
			kind: 'next',
			at: new Date('2025-12-04T11:00:00Z')
		});
	});

	it('away: the text, and the first working morning after the away period', () => {
		const holiday = {
			...weekdays,
			awayFrom: '2025-12-22',
			awayUntil: '2026-01-02',
			awayText: 'På ferie til 2. januar – skriv til Ungeenheden'
		};
		expect(expectAnswer(holiday, new Date('2025-12-23T10:00:00Z'))).toEqual({
			kind: 'away',
			back: new Date('2026-01-05T08:00:00Z'), // Friday 2 January is still away; Monday 5 January
			text: 'På ferie til 2. januar – skriv til Ungeenheden'
		});
		// The day before and the day after count as normal days.
		expect(expectAnswer(holiday, new Date('2025-12-19T10:00:00Z')).kind).toBe('working');
		expect(expectAnswer(holiday, new Date('2026-01-05T09:00:00Z')).kind).toBe('working');
	});
});

describe('the working-time form', () => {
	const form = { days: ['1', '3', '3'], from: '08:30', to: '16:00', awayFrom: null, awayUntil: null, awayText: '' };

	it('reads days as numbers once each, and an empty away text as none', () => {
		expect(workingTimeInput.parse(form)).toEqual({ ...form, days: [1, 3], awayText: null });
	});

	it('names the field that is wrong', () => {
		const problem = (input: object) => workingTimeInput.safeParse({ ...form, ...input }).error?.issues[0]?.path.join('.');
		expect(problem({ days: [] })).toBe('days');
		expect(problem({ days: ['8'] })).toBe('days.0');
		expect(problem({ from: '9' })).toBe('from');
		expect(problem({ to: '24:00' })).toBe('to');
		expect(problem({ from: '15:00', to: '09:00' })).toBe('to');
		expect(problem({ awayFrom: '2026-01-05', awayUntil: null })).toBe('awayUntil');
		expect(problem({ awayFrom: '2026-01-05', awayUntil: '2026-01-02' })).toBe('awayUntil');
		expect(problem({ awayFrom: '2026-02-30', awayUntil: '2026-03-02' })).toBe('awayFrom');
		expect(problem({ awayText: 'x'.repeat(201) })).toBe('awayText');
	});
});
