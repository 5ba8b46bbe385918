/** Dates and labels for the consent components (usable on server and client). */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { dateFormatter, TIME_ZONE } from '$lib/shared/dates';
import type { DataKind } from '$lib/shared/domain';
import type { ConsentStatus } from '$lib/shared/consent';
import { badgeClass, consentStatusTone } from '$lib/shared/status-tones';

export function formatDate(date: Date | null | undefined): string {
	if (!date) return '';
	return dateFormatter({ dateStyle: 'long', timeZone: TIME_ZONE }).format(date);
}

export function formatDateTime(date: Date | null | undefined): string {
	if (!date) return '';
	return dateFormatter({ dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}

export function listOf(items: string[]): string {
	return new Intl.ListFormat(getLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

export function statusLabel(status: ConsentStatus): string {
	return {
		none: m.consent_status_none,
		active: m.consent_status_active,
		waiting_cosign: m.consent_status_waiting,
		withdrawn: m.consent_status_withdrawn
	}[status]();
}

export function statusBadgeClass(status: ConsentStatus): string {
	return badgeClass(consentStatusTone(status));
}

/** "Plan", "Guide", "Møder" in the reader's words for the parent explanations. */
export function kindExplanation(kind: DataKind, name: string): string {
	return {
		plan: () => m.consent_parent_not_shared_plan({ name }),
		guide: () => m.consent_parent_not_shared_guide({ name }),
		meetings: () => m.consent_parent_not_shared_meetings({ name }),
		checkins: () => m.consent_parent_not_shared_checkins({ name })
	}[kind]();
}

/** The text for an error code returned by a consent form action. */
export function consentErrorText(code: string | undefined | null): string | null {
	if (!code) return null;
	const texts: Record<string, () => string> = {
		not_allowed: m.consent_error_not_allowed,
		recipient: m.consent_error_recipient,
		kinds: m.consent_error_kinds,
		wording_changed: m.consent_error_wording_changed,
		not_waiting: m.consent_error_not_waiting,
		request: m.consent_error_request,
		department: m.consent_error_department,
		message: m.consent_error_message,
		already_given: m.consent_error_already_given,
		rate_limited: m.consent_error_rate_limited
	};
	return (texts[code] ?? m.consent_error_unknown)();
}
