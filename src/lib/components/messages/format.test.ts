import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATE_TEXTS_ID, forgetKnownDateTexts, setDateTextRecorder } from '$lib/shared/date-texts';
import { answerWhen, calendarDate, fileSize, messageTime } from './format';

// Copenhagen is UTC+1 in winter and UTC+2 in summer: the day turns at 23:00 / 22:00 UTC.
describe('messageTime (Danish, Europe/Copenhagen)', () => {
	const now = new Date('2026-03-14T10:00:00Z'); // 11.00 in Copenhagen

	it('says today and yesterday by the Copenhagen calendar', () => {
		expect(messageTime('2026-03-14T09:32:00Z', now)).toBe('i dag kl. 10.32');
		// 00.30 in Copenhagen on the 14th, though still the 13th in UTC.
		expect(messageTime('2026-03-13T23:30:00Z', now)).toBe('i dag kl. 00.30');
		expect(messageTime('2026-03-13T08:05:00Z', now)).toBe('i går kl. 09.05');
		expect(messageTime('2026-03-13T22:59:00Z', now)).toBe('i går kl. 23.59');
	});

	it('gives the date before that, with the year only when it is another year', () => {
		expect(messageTime('2026-03-12T09:32:00Z', now)).toBe('12. mar. kl. 10.32');
		expect(messageTime('2026-07-01T12:00:00Z', new Date('2026-07-20T12:00:00Z'))).toBe('1. jul. kl. 14.00');
		expect(messageTime('2025-12-31T22:30:00Z', now)).toBe('31. dec. 2025 kl. 23.30');
		// Already the new year in Copenhagen.
		expect(messageTime('2025-12-31T23:30:00Z', now)).toBe('1. jan. kl. 00.30');
	});
});

describe('fileSize (Danish)', () => {
	it('says kB below a megabyte and MB with one decimal above', () => {
		expect(fileSize(340_000).replace(/\s/g, ' ')).toBe('340 kB');
		expect(fileSize(1_234_567).replace(/\s/g, ' ')).toBe('1,2 MB');
		expect(fileSize(12).replace(/\s/g, ' ')).toBe('1 kB');
	});
});

describe('answerWhen: when a guide’s answer can be expected, in the reader’s language and Copenhagen time', () => {
	const now = new Date('2025-12-20T12:00:00Z');

	it('names the weekday, the date and the Copenhagen time; the year only when it is another', () => {
		// 09:00 in Copenhagen is 08:00 UTC in winter.
		expect(answerWhen('2025-12-22T08:00:00Z', now)).toBe('mandag 22. december kl. 09.00');
		expect(answerWhen('2026-01-05T08:00:00Z', now)).toBe('mandag den 5. januar 2026 kl. 09.00');
		// Summer time: 09:00 in Copenhagen is 07:00 UTC.
		expect(answerWhen('2026-06-01T07:00:00Z', new Date('2026-05-29T12:00:00Z'))).toBe('mandag 1. juni kl. 09.00');
	});

	it('writes it in the reader’s language, not Danish for all', () => {
		expect(answerWhen('2025-12-22T08:00:00Z', now, 'en')).toBe('Monday 22 December at 09:00');
		expect(answerWhen('2025-12-22T08:00:00Z', now, 'uk')).toMatch(/понеділок/);
		expect(answerWhen('2025-12-22T08:00:00Z', now, 'tr')).toMatch(/Pazartesi/);
		// Arabic and Farsi with the Gregorian calendar (the month of December, not a Persian month).
		expect(answerWhen('2025-12-22T08:00:00Z', now, 'ar')).toMatch(/ديسمبر/);
		expect(answerWhen('2025-12-22T08:00:00Z', now, 'fa')).toMatch(/دسامبر/);
	});
});

describe('the Copenhagen calendar date, asked by the hour (issue 18)', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		forgetKnownDateTexts();
		setDateTextRecorder(null);
	});

	it('the server’s now and the browser’s a second later are one text from the page', () => {
		const told = new Map<string, string>();
		setDateTextRecorder((key, text) => told.set(key, text));
		// 22:59:59.5 UTC on 6 December is 23:59:59.5 in Copenhagen: still the 6th.
		const serverNow = new Date(Date.UTC(2026, 11, 6, 22, 59, 59, 500));
		expect(calendarDate(serverNow)).toBe('2026-12-06');
		// The browser, with the page's list: the same hour a moment later needs no formatter.
		const block = { textContent: JSON.stringify(Object.fromEntries(told)) };
		vi.stubGlobal('document', { getElementById: (id: string) => (id === DATE_TEXTS_ID ? block : null) });
		forgetKnownDateTexts();
		const spy = vi.spyOn(Intl, 'DateTimeFormat');
		expect(calendarDate(new Date(serverNow.getTime() - 1_500_000))).toBe('2026-12-06');
		expect(spy).not.toHaveBeenCalled();
		spy.mockRestore();
		// Midnight in Copenhagen (23:00 UTC in winter, 22:00 in summer) is a new hour and a new date.
		expect(calendarDate(new Date(Date.UTC(2026, 11, 6, 23, 0, 0, 1)))).toBe('2026-12-07');
		expect(calendarDate(new Date(Date.UTC(2026, 6, 6, 21, 59, 59)))).toBe('2026-07-06');
		expect(calendarDate(new Date(Date.UTC(2026, 6, 6, 22, 0, 0)))).toBe('2026-07-07');
	});
});
