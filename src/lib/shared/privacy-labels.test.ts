/**
 * "Who has looked" says what was seen in words (issue 20): every kind of read the log records has
 * its own text in every language (not the Danish fallback, not a code word).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LOCALES } from './locales';
import { ACCESS_KINDS, ACCESS_PURPOSES, type ShownAccessKind } from './privacy';
import { accessKindLabel, accessKindsText, accessPurposeLabel, lookDayLabel, lookedAtText, lookTime, purposesText } from './privacy-labels';

const SHOWN: ShownAccessKind[] = [...ACCESS_KINDS, 'other'];
const file = (locale: string) => JSON.parse(readFileSync(`messages/consent/${locale}.json`, 'utf8')) as Record<string, string>;
/** A code word: a kind's own name, or anything written like one (snake_case). */
const codeWord = /\b(?:[a-z]+_[a-z_]+|plan_overview|caseload|checkins|requests)\b/;

describe('the kinds of read, in words', () => {
	it('every recorded kind has its own text in every language', () => {
		for (const locale of LOCALES) {
			const messages = file(locale);
			const texts = new Set<string>();
			for (const kind of SHOWN) {
				const key = `consent_privacy_resource_${kind}`;
				expect(messages[key]?.trim(), `${locale} ${key}`).toBeTruthy();
				const text = accessKindLabel(kind, locale);
				expect(text, `${locale} ${kind}`).toBe(messages[key]);
				expect(text, `${locale} ${kind}`).not.toMatch(codeWord);
				expect(text.toLowerCase(), `${locale} ${kind}`).not.toBe(kind);
				texts.add(text);
			}
			// Two kinds never share one text: the young person can tell them apart.
			expect(texts.size, locale).toBe(SHOWN.length);
		}
	});

	it('names what someone saw in one plain sentence, without a code word, in every language', () => {
		expect(lookedAtText(['plan', 'messages'], 'da')).toBe('Kiggede på din plan og jeres beskeder');
		expect(lookedAtText(['plan', 'meetings', 'consent'], 'da')).toBe('Kiggede på din plan, dine møder og dine samtykker');
		expect(lookedAtText(['plan', 'messages'], 'en')).toBe('Looked at your plan and your messages');
		for (const locale of LOCALES) {
			const all = lookedAtText(SHOWN, locale);
			expect(all, locale).not.toMatch(codeWord);
			for (const kind of SHOWN) expect(all, `${locale} ${kind}`).toContain(accessKindLabel(kind, locale));
			expect(accessKindsText(['plan'], locale)).toBe(accessKindLabel('plan', locale));
		}
	});

	it('every purpose of a read has its own text in every language, and the line says why', () => {
		for (const locale of LOCALES) {
			const messages = file(locale);
			const texts = new Set<string>();
			for (const purpose of ACCESS_PURPOSES) {
				const key = `consent_privacy_purpose_${purpose}`;
				const text = accessPurposeLabel(purpose, locale);
				expect(text, `${locale} ${purpose}`).toBe(messages[key]);
				expect(text, `${locale} ${purpose}`).not.toMatch(codeWord);
				texts.add(text);
			}
			expect(texts.size, locale).toBe(ACCESS_PURPOSES.length);
		}
		expect(purposesText(['plan_work', 'follow_up'], 'da')).toBe('Hvorfor: arbejde med din plan og opfølgning');
		expect(purposesText(['consent_check'], 'en')).toBe('Why: checking your consent');
	});

	it('says today and yesterday, and the date before that', () => {
		expect(lookDayLabel('2026-03-03', '2026-03-03', '2026-03-02', 'da')).toBe('I dag');
		expect(lookDayLabel('2026-03-02', '2026-03-03', '2026-03-02', 'da')).toBe('I går');
		expect(lookDayLabel('2026-03-01', '2026-03-03', '2026-03-02', 'da')).toBe('1. marts 2026');
		expect(lookDayLabel('2026-03-02', '2026-03-03', '2026-03-02', 'en')).toBe('Yesterday');
		for (const locale of LOCALES) expect(lookDayLabel('2026-03-03', '2026-03-03', '2026-03-02', locale), locale).toBeTruthy();
	});

	it('gives the time of a look in Copenhagen', () => {
		expect(lookTime(new Date('2026-03-03T13:05:00Z'), 'da')).toBe('14.05');
		expect(lookTime(new Date('2026-07-03T13:05:00Z'), 'en')).toBe('15:05');
	});
});
