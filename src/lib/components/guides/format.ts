/** Dates and labels for the guide pages, in the reader's language. */
import { m } from '$lib/paraglide/messages.js';
import { dateFormatter } from '$lib/shared/dates';
import type { ProposedRole, RequestStatus } from '$lib/shared/domain';

/** A calendar day (YYYY-MM-DD), e.g. "onsdag 4. marts". */
export function formatDay(iso: string): string {
	const [y, mo, d] = iso.split('-').map(Number);
	return dateFormatter({ weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, mo! - 1, d!)));
}

/** A moment, as its date in Copenhagen, e.g. "4. marts 2026". */
export { formatDay as formatDate } from '$lib/shared/dates';

export function proposedRoleLabel(role: string | null): string {
	const labels: Record<ProposedRole, () => string> = {
		teacher: m.guide_role_teacher,
		coach: m.guide_role_coach,
		mentor: m.guide_role_mentor,
		other: m.guide_role_other
	};
	return role && role in labels ? labels[role as ProposedRole]() : '';
}

export function statusLabel(status: RequestStatus): string {
	return {
		open: m.guide_status_open,
		suggested: m.guide_status_suggested,
		approved: m.guide_status_approved,
		declined: m.guide_status_declined,
		withdrawn: m.guide_status_withdrawn,
		suggestion_declined: m.guide_status_suggestion_declined
	}[status]();
}

/** The message for a request error code from the server (see server/guides/requests.ts). */
export function requestErrorText(code: string, kind: string): string {
	const texts: Record<string, () => string> = {
		name: m.guide_error_name,
		role: m.guide_error_role,
		workplace: m.guide_error_workplace,
		contact: m.guide_error_contact,
		reason: kind === 'propose' ? m.guide_error_reason_propose : m.guide_error_reason,
		guide: m.guide_error_guide,
		guide_full: m.guide_error_guide_full,
		same_guide: m.guide_error_same_guide,
		open_exists: m.guide_error_open_exists
	};
	return (texts[code] ?? m.guide_error_kind)();
}
