import { describe, expect, it } from 'vitest';
import {
	answerWindowDays,
	checkinState,
	dueDatesUntil,
	endDateAfterMonths,
	isRunning,
	lastDayToAnswer,
	nextDueDate,
	type Rhythm
} from './rhythm';

const everyTwoWeeks: Rhythm = { intervalDays: 14, startsOn: '2026-03-02', endsOn: '2026-06-02', stoppedOn: null };

describe('when a check-in is due', () => {
	it('asks on the start day and every interval after it, up to today', () => {
		expect(dueDatesUntil(everyTwoWeeks, '2026-03-01')).toEqual([]);
		expect(dueDatesUntil(everyTwoWeeks, '2026-03-02')).toEqual(['2026-03-02']);
		expect(dueDatesUntil(everyTwoWeeks, '2026-03-15')).toEqual(['2026-03-02']);
		expect(dueDatesUntil(everyTwoWeeks, '2026-03-16')).toEqual(['2026-03-02', '2026-03-16']);
	});

	it('every two weeks for three months asks seven times and stops at the end date', () => {
		expect(endDateAfterMonths('2026-03-02', 3)).toBe('2026-06-02');
		const all = dueDatesUntil(everyTwoWeeks, '2026-12-31');
		expect(all).toEqual(['2026-03-02', '2026-03-16', '2026-03-30', '2026-04-13', '2026-04-27', '2026-05-11', '2026-05-25']);
		expect(nextDueDate(everyTwoWeeks, '2026-05-25')).toBeNull();
		expect(isRunning(everyTwoWeeks, '2026-06-02')).toBe(true);
		expect(isRunning(everyTwoWeeks, '2026-06-03')).toBe(false);
	});

	it('keeps counting across the change to summer time (calendar days, not hours)', () => {
		const r: Rhythm = { intervalDays: 7, startsOn: '2026-03-23', endsOn: null, stoppedOn: null };
		expect(dueDatesUntil(r, '2026-04-06')).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
	});

	it('a rhythm without an end runs until the guide stops it, and asks nothing after the stop day', () => {
		const open: Rhythm = { intervalDays: 10, startsOn: '2026-01-01', endsOn: null, stoppedOn: null };
		expect(dueDatesUntil(open, '2027-01-01')).toHaveLength(37);
		expect(nextDueDate(open, '2026-01-05')).toBe('2026-01-11');
		const stopped = { ...open, stoppedOn: '2026-01-15' };
		expect(dueDatesUntil(stopped, '2027-01-01')).toEqual(['2026-01-01', '2026-01-11']);
		expect(nextDueDate(stopped, '2026-01-12')).toBeNull();
		expect(isRunning(stopped, '2026-01-12')).toBe(false);
	});

	it('the next due date before the start is the start', () => {
		expect(nextDueDate(everyTwoWeeks, '2026-02-01')).toBe('2026-03-02');
		expect(nextDueDate(everyTwoWeeks, '2026-03-02')).toBe('2026-03-16');
	});

	it('ends a month later on the last day of a short month', () => {
		expect(endDateAfterMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(endDateAfterMonths('2026-01-31', null)).toBeNull();
	});
});

describe('when a check-in is missed', () => {
	it('can be answered for the interval, at most a week', () => {
		expect(answerWindowDays(1)).toBe(1);
		expect(answerWindowDays(3)).toBe(3);
		expect(answerWindowDays(14)).toBe(7);
		expect(lastDayToAnswer('2026-03-02', 14)).toBe('2026-03-08');
		expect(lastDayToAnswer('2026-03-02', 1)).toBe('2026-03-02');
	});

	it('is open until its last day, then missed; an answer is an answer', () => {
		const due = { dueOn: '2026-03-02', answeredAt: null };
		expect(checkinState(due, 14, '2026-03-02')).toBe('open');
		expect(checkinState(due, 14, '2026-03-08')).toBe('open');
		expect(checkinState(due, 14, '2026-03-09')).toBe('missed');
		expect(checkinState(due, 1, '2026-03-03')).toBe('missed');
		expect(checkinState({ ...due, answeredAt: new Date('2026-03-03T10:00:00Z') }, 14, '2026-04-01')).toBe('answered');
	});
});
