/**
 * The translations (issue 16): every message a young person or a parent can see exists in all
 * seven languages, none is empty, and none is the English left untranslated (unless it is marked as
 * a name in messages/names.json). Staff-only messages (messages/staff-only.json) are in Danish and
 * English only; in the other languages Paraglide falls back to Danish, the base locale.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { m } from '$lib/paraglide/messages.js';
import { baseLocale, locales } from '$lib/paraglide/runtime.js';
import { LANGUAGE_NAMES, LOCALES, STAFF_LOCALES, INTL_TAGS, isRtl, localesFor, textDirection } from './locales';

type Messages = Record<string, string>;
const read = (path: string): Messages => JSON.parse(readFileSync(path, 'utf8'));

const settings = read('project.inlang/settings.json') as unknown as { baseLocale: string; locales: string[]; 'plugin.inlang.messageFormat': { pathPattern: string[] } };
const folders = settings['plugin.inlang.messageFormat'].pathPattern.map((p) => dirname(p));
const staffOnly = new Set((read('messages/staff-only.json') as unknown as { keys: string[] }).keys);
const names = read('messages/names.json') as unknown as { names: string[]; sameWord: Record<string, string[]> };
const NEW_LOCALES = LOCALES.filter((l) => !STAFF_LOCALES.includes(l));

/** One part's messages in one language ({} when the part has no file in it). */
function part(folder: string, locale: string): Messages {
	const path = join(folder, `${locale}.json`);
	if (!existsSync(path)) return {};
	const { $schema: _schema, ...messages } = read(path);
	return messages;
}

const placeholders = (text: string) => [...new Set(text.match(/\{[A-Za-z0-9_]+\}/g) ?? [])].sort();

describe('languages', () => {
	it('are the seven of the inlang project, with Danish as the base', () => {
		expect(settings.baseLocale).toBe('da');
		expect(baseLocale).toBe('da');
		expect([...locales]).toEqual(settings.locales);
		expect([...LOCALES].sort()).toEqual(['ar', 'da', 'en', 'fa', 'so', 'tr', 'uk']);
		for (const l of LOCALES) {
			expect(LANGUAGE_NAMES[l], l).toBeTruthy();
			expect(() => new Intl.DateTimeFormat(INTL_TAGS[l]), l).not.toThrow();
		}
		expect(LOCALES.filter(isRtl)).toEqual(['ar', 'fa']);
		expect(textDirection('fa')).toBe('rtl');
		expect(textDirection('uk')).toBe('ltr');
	});

	it('lists each language in its own name', () => {
		expect(LANGUAGE_NAMES).toEqual({ da: 'Dansk', en: 'English', ar: 'العربية', uk: 'Українська', tr: 'Türkçe', so: 'Soomaali', fa: 'فارسی' });
	});

	it('offers staff Danish and English only, young people and parents all seven', () => {
		for (const role of ['guide', 'caseworker', 'coordinator']) expect(localesFor(role)).toEqual(['da', 'en']);
		for (const role of ['youth', 'parent', null]) expect(localesFor(role)).toEqual(LOCALES);
	});

	it('formats dates with the Gregorian calendar in Arabic and Farsi, the municipality’s calendar', () => {
		const day = new Date('2026-03-03T12:00:00Z');
		for (const l of ['ar', 'fa'] as const) {
			expect(new Intl.DateTimeFormat(INTL_TAGS[l]).resolvedOptions().calendar).toBe('gregory');
			expect(new Intl.DateTimeFormat(INTL_TAGS[l], { year: 'numeric' }).format(day)).toMatch(/2026|٢٠٢٦|۲۰۲۶/);
		}
	});
});

describe('every message', () => {
	it('exists in Danish and English, staff-only ones included', () => {
		for (const folder of folders) {
			const da = part(folder, 'da');
			expect(Object.keys(part(folder, 'en')).sort(), folder).toEqual(Object.keys(da).sort());
		}
	});

	it('the young person and the parent can see exists in all seven languages, none empty', () => {
		const missing: string[] = [];
		const empty: string[] = [];
		for (const folder of folders) {
			const da = part(folder, 'da');
			for (const locale of LOCALES) {
				const messages = part(folder, locale);
				for (const key of Object.keys(da)) {
					if (staffOnly.has(key) && NEW_LOCALES.includes(locale)) continue;
					if (!(key in messages)) missing.push(`${locale}: ${key}`);
					else if (!messages[key]!.trim()) empty.push(`${locale}: ${key}`);
				}
			}
		}
		expect(missing, missing.join('\n')).toEqual([]);
		expect(empty, empty.join('\n')).toEqual([]);
	});

	it('is translated: none in ar, uk, tr, so or fa equals the English unless marked as a name', () => {
		const untranslated: string[] = [];
		for (const folder of folders) {
			const en = part(folder, 'en');
			for (const locale of NEW_LOCALES) {
				const allowed = new Set([...names.names, ...(names.sameWord[locale] ?? [])]);
				for (const [key, text] of Object.entries(part(folder, locale)))
					if (text === en[key] && !allowed.has(key)) untranslated.push(`${locale}: ${key} = ${JSON.stringify(text)}`);
			}
		}
		expect(untranslated, untranslated.join('\n')).toEqual([]);
	});

	it('keeps the Danish text’s placeholders in every language', () => {
		const wrong: string[] = [];
		for (const folder of folders) {
			const da = part(folder, 'da');
			for (const locale of LOCALES)
				for (const [key, text] of Object.entries(part(folder, locale)))
					if (key in da && placeholders(text).join() !== placeholders(da[key]!).join()) wrong.push(`${locale}: ${key}`);
		}
		expect(wrong, wrong.join('\n')).toEqual([]);
	});

	it('isolates every inserted value in Arabic and Farsi (FSI … PDI, the text form of <bdi>), so a Danish name or place keeps its order', () => {
		const bare: string[] = [];
		for (const folder of folders)
			for (const locale of LOCALES.filter(isRtl))
				for (const [key, text] of Object.entries(part(folder, locale)))
					if (text.replace(/\u2068\{[A-Za-z0-9_]+\}\u2069/g, '').match(/\{[A-Za-z0-9_]+\}/)) bare.push(`${locale}: ${key}`);
		expect(bare, bare.join('\n')).toEqual([]);
		expect(m.home_greeting({ name: 'Freja' }, { locale: 'ar' })).toBe('مرحبًا \u2068Freja\u2069');
	});

	it('has no key a language does not have in Danish (no leftovers after a rename)', () => {
		const extra: string[] = [];
		for (const folder of folders) {
			const da = part(folder, 'da');
			for (const locale of LOCALES) for (const key of Object.keys(part(folder, locale))) if (!(key in da)) extra.push(`${locale}: ${key}`);
		}
		expect(extra, extra.join('\n')).toEqual([]);
	});
});

describe('staff-only messages', () => {
	it('are listed honestly: each exists in Danish and in no language beyond Danish and English', () => {
		const all = new Map<string, string>();
		for (const folder of folders) for (const key of Object.keys(part(folder, 'da'))) all.set(key, folder);
		const wrong: string[] = [];
		for (const key of staffOnly) {
			const folder = all.get(key);
			if (!folder) wrong.push(`${key}: not a message`);
			else for (const locale of NEW_LOCALES) if (key in part(folder, locale)) wrong.push(`${locale}: ${key} is translated; take it off the list`);
		}
		expect(wrong, wrong.join('\n')).toEqual([]);
	});

	it('fall back to the Danish in the other languages (Paraglide’s base locale), explicitly', () => {
		expect(staffOnly.has('guide_queue_title')).toBe(true);
		const danish = m.guide_queue_title({}, { locale: 'da' });
		for (const locale of NEW_LOCALES) expect(m.guide_queue_title({}, { locale })).toBe(danish);
		// A translated message is the language's own.
		expect(m.nav_plan({}, { locale: 'ar' })).not.toBe(m.nav_plan({}, { locale: 'da' }));
	});
});
