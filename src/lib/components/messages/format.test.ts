import { describe, expect, it } from 'vitest';
import { answerWhen, fileSize, messageTime } from './format';

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
