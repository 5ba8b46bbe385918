/**
 * The words of "who has looked at my data" (issue 20): what a kind of read is called, the line
 * that names what someone saw, the day and the time, in the reader's language. Never a code word.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { dateFormatter, formatDate, intlLocale, TIME_ZONE } from './dates';
import type { AccessPurpose, ShownAccessKind } from './privacy';

/** What a kind of read is called, as the object of "looked at": "din plan", "jeres beskeder". */
export function accessKindLabel(kind: ShownAccessKind, locale?: Locale): string {
	const options = locale ? { locale } : undefined;
	return {
		profile: () => m.consent_privacy_resource_profile({}, options),
		plan: () => m.consent_privacy_resource_plan({}, options),
		guide: () => m.consent_privacy_resource_guide({}, options),
		meetings: () => m.consent_privacy_resource_meetings({}, options),
		checkins: () => m.consent_privacy_resource_checkins({}, options),
		consent: () => m.consent_privacy_resource_consent({}, options),
		history: () => m.consent_privacy_resource_history({}, options),
		plan_overview: () => m.consent_privacy_resource_plan_overview({}, options),
		caseload: () => m.consent_privacy_resource_caseload({}, options),
		messages: () => m.consent_privacy_resource_messages({}, options),
		status: () => m.consent_privacy_resource_status({}, options),
		requests: () => m.consent_privacy_resource_requests({}, options),
		other: () => m.consent_privacy_resource_other({}, options)
	}[kind]();
}

/** "din plan, dine møder og jeres beskeder" */
export function accessKindsText(kinds: readonly ShownAccessKind[], locale?: Locale): string {
	return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(
		kinds.map((k) => accessKindLabel(k, locale))
	);
}

/** "Kiggede på din plan og jeres beskeder" */
export function lookedAtText(kinds: readonly ShownAccessKind[], locale?: Locale): string {
	const what = accessKindsText(kinds, locale);
	return locale ? m.consent_privacy_looked_at({ what }, { locale }) : m.consent_privacy_looked_at({ what });
}

/** Why someone looked (issue 21): "arbejde med din plan", "opfølgning". */
export function accessPurposeLabel(purpose: AccessPurpose, locale?: Locale): string {
	const options = locale ? { locale } : undefined;
	return {
		plan_work: () => m.consent_privacy_purpose_plan_work({}, options),
		follow_up: () => m.consent_privacy_purpose_follow_up({}, options),
		messages: () => m.consent_privacy_purpose_messages({}, options),
		visitation: () => m.consent_privacy_purpose_visitation({}, options),
		consent_check: () => m.consent_privacy_purpose_consent_check({}, options),
		caseload: () => m.consent_privacy_purpose_caseload({}, options),
		parent_view: () => m.consent_privacy_purpose_parent_view({}, options),
		unspecified: () => m.consent_privacy_purpose_unspecified({}, options)
	}[purpose]();
}

/** "arbejde med din plan og opfølgning" */
export function accessPurposesText(purposes: readonly AccessPurpose[], locale?: Locale): string {
	return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(
		purposes.map((p) => accessPurposeLabel(p, locale))
	);
}

/** "Hvorfor: arbejde med din plan og opfølgning" */
export function purposesText(purposes: readonly AccessPurpose[], locale?: Locale): string {
	const list = accessPurposesText(purposes, locale);
	return locale ? m.consent_privacy_why({ purposes: list }, { locale }) : m.consent_privacy_why({ purposes: list });
}

/** A day of the log: "I dag", "I går" or "3. marts 2026". */
export function lookDayLabel(date: string, today: string, yesterday: string, locale?: Locale): string {
	const options = locale ? { locale } : undefined;
	if (date === today) return m.consent_privacy_today({}, options);
	if (date === yesterday) return m.consent_privacy_yesterday({}, options);
	return formatDate(date, locale);
}

/** The time of a look on its day, in Copenhagen: "14.02". */
export function lookTime(at: Date, locale?: Locale): string {
	return dateFormatter({ hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }, locale).format(at);
}
