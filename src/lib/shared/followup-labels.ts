/** Translated labels and date formats for follow-up, status and outcomes (server and pages). */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { dateFormatter, intlLocale } from '$lib/shared/dates';
import type { EducationProgramme, YouthStatus } from '$lib/shared/domain';
import type { StatusEntry } from '$lib/shared/followup';

/**
 * The young person's status in words. Staff read the professional categories (FGU, EUD, STU …);
 * the young person and a parent read the same status in plain words (issue 20).
 */
export function youthStatusLabel(status: YouthStatus, locale?: Locale, audience: 'youth' | 'staff' = 'youth'): string {
	const options = locale ? { locale } : {};
	return {
		primary_school: m.youthstatus_primary_school,
		youth_education: m.youthstatus_youth_education,
		completed_youth_education: m.youthstatus_completed_youth_education,
		preparatory: audience === 'staff' ? m.youthstatus_preparatory_staff : m.youthstatus_preparatory,
		work: m.youthstatus_work,
		no_attachment: m.youthstatus_no_attachment,
		exempt: m.youthstatus_exempt,
		moved_away: m.youthstatus_moved_away,
		unknown: m.youthstatus_unknown
	}[status]({}, options);
}

/** The programme of a status (staff read it): "FGU", "Erhvervsuddannelse (EUD, EUX)". */
export function programmeLabel(programme: EducationProgramme, locale?: Locale): string {
	const options = locale ? { locale } : {};
	return {
		gymnasium: m.youthstatus_programme_gymnasium,
		eud: m.youthstatus_programme_eud,
		stu: m.youthstatus_programme_stu,
		fgu: m.youthstatus_programme_fgu,
		grade10: m.youthstatus_programme_grade10
	}[programme]({}, options);
}

/** A status as staff read it in the history: the category, its programme or hours, and the detail. */
export function staffStatusText(entry: Pick<StatusEntry, 'status' | 'programme' | 'hoursPerWeek' | 'detail'>, locale?: Locale): string {
	const options = locale ? { locale } : {};
	const programme = entry.programme ? programmeLabel(entry.programme, locale) : null;
	const facts = [
		programme,
		entry.hoursPerWeek !== null ? m.youthstatus_hours_shown({ hours: entry.hoursPerWeek }, options) : null,
		// A detail that only repeats the programme ("10. klasse") is said once.
		entry.detail && entry.detail.trim().toLowerCase() !== programme?.toLowerCase() ? entry.detail : null
	].filter(Boolean);
	const label = youthStatusLabel(entry.status, locale, 'staff');
	return facts.length ? `${label}: ${facts.join(', ')}` : label;
}

export const SCORES = [1, 2, 3, 4, 5] as const;

export function scoreLabel(score: number): string {
	return [m.checkin_score_1, m.checkin_score_2, m.checkin_score_3, m.checkin_score_4, m.checkin_score_5][score - 1]?.() ?? String(score);
}

export { formatDate, formatDay } from '$lib/shared/dates';

/** A month (YYYY-MM) as "mar. 2026" / "Mar 2026". */
export function formatMonth(month: string, locale?: Locale): string {
	return dateFormatter({ month: 'short', year: 'numeric', timeZone: 'UTC' }, locale).format(new Date(`${month}-01T00:00:00Z`));
}

/** A whole number, e.g. "1.234" in Danish. */
export function formatCount(n: number, locale?: Locale): string {
	return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(n);
}

/** A number with one decimal, e.g. "2,5" in Danish. */
export function formatDecimal(x: number, locale?: Locale): string {
	return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
}
