/** Translated labels and date formats for follow-up, status and outcomes (server and pages). */
import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import type { YouthStatus } from '$lib/domain';

export function youthStatusLabel(status: YouthStatus, locale?: Locale): string {
	const options = locale ? { locale } : {};
	return {
		primary_school: m.youthstatus_primary_school,
		youth_education: m.youthstatus_youth_education,
		completed_youth_education: m.youthstatus_completed_youth_education,
		preparatory: m.youthstatus_preparatory,
		job: m.youthstatus_job,
		none: m.youthstatus_none_status,
		unknown: m.youthstatus_unknown
	}[status]({}, options);
}

export const SCORES = [1, 2, 3, 4, 5] as const;

export function scoreLabel(score: number): string {
	return [m.checkin_score_1, m.checkin_score_2, m.checkin_score_3, m.checkin_score_4, m.checkin_score_5][score - 1]?.() ?? String(score);
}

function intlLocale(locale: Locale = getLocale()): string {
	return locale === 'en' ? 'en-GB' : 'da-DK';
}

/** A calendar date (YYYY-MM-DD) as "3. marts 2026" / "3 March 2026". */
export function formatDate(isoDate: string, locale?: Locale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${isoDate}T00:00:00Z`)
	);
}

/** A moment as a Copenhagen calendar date. */
export function formatDay(moment: Date, locale?: Locale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Copenhagen'
	}).format(moment);
}

/** A month (YYYY-MM) as "mar. 2026" / "Mar 2026". */
export function formatMonth(month: string, locale?: Locale): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${month}-01T00:00:00Z`)
	);
}

/** A whole number, e.g. "1.234" in Danish. */
export function formatCount(n: number, locale?: Locale): string {
	return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(n);
}

/** A number with one decimal, e.g. "2,5" in Danish. */
export function formatDecimal(x: number, locale?: Locale): string {
	return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
}
