/**
 * The interface languages (issue 16): Danish (the base and the legal language), English, and the
 * languages many young people in the youth effort and their parents read best. Arabic and Farsi
 * are written right to left.
 *
 * Staff pages are in Danish and English only: their messages exist in those two, and a key missing
 * in another language falls back to Danish (Paraglide's base locale). Staff are offered only
 * Danish and English, so they never meet that fallback (tests/i18n: messages.test.ts).
 */
import { locales, type Locale } from '$lib/paraglide/runtime.js';

export type { Locale };
export const LOCALES: readonly Locale[] = locales;

/** The languages staff can choose: their pages are translated into these only. */
export const STAFF_LOCALES: readonly Locale[] = ['da', 'en'];

/** Each language in its own name, as the chooser lists it. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
	da: 'Dansk',
	en: 'English',
	ar: 'العربية',
	uk: 'Українська',
	tr: 'Türkçe',
	so: 'Soomaali',
	fa: 'فارسی'
};

const RTL: ReadonlySet<Locale> = new Set<Locale>(['ar', 'fa']);

export function isRtl(locale: Locale): boolean {
	return RTL.has(locale);
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
	return isRtl(locale) ? 'rtl' : 'ltr';
}

/**
 * The tag `Intl` formats dates, numbers and lists with: Danish as in Denmark, English as in
 * Britain (day before month, 24-hour clock); Arabic and Farsi with the Gregorian calendar, the one
 * the municipality's meetings are in (Farsi's default would be the Persian calendar).
 */
export const INTL_TAGS: Record<Locale, string> = {
	da: 'da-DK',
	en: 'en-GB',
	ar: 'ar-u-ca-gregory',
	uk: 'uk-UA',
	tr: 'tr-TR',
	so: 'so-SO',
	fa: 'fa-IR-u-ca-gregory'
};

export function isLocaleName(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The languages a person of this role can choose: staff pages are in Danish and English only. */
export function localesFor(role: string | null | undefined): readonly Locale[] {
	return role === 'youth' || role === 'parent' || !role ? LOCALES : STAFF_LOCALES;
}

/**
 * The languages the browser's build leaves out of its scripts (all but Danish, the base): a page
 * in one of them carries its messages as JSON instead (vite.config.ts `localeSplit`,
 * src/lib/shared/message-table.ts).
 */
export const SPLIT_LOCALES = ['en', 'ar', 'uk', 'tr', 'so', 'fa'] as const satisfies readonly Locale[];
