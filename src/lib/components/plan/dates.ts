/** Dates for the plan's pages, in the reader's language (the same on the server and in the browser). */
import { dateFormatter, TIME_ZONE } from '$lib/dates';

export { formatDate, formatDay } from '$lib/dates';

/** A moment as "torsdag 5. marts 2026 kl. 10.00" in Copenhagen time. */
export function formatDateTime(at: Date | string): string {
	return dateFormatter({
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: TIME_ZONE
	}).format(new Date(at));
}

/** A moment in short form, for histories and comments. */
export function formatShort(at: Date | string): string {
	return dateFormatter({ dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(at));
}

/** The `datetime` attribute of a <time> element. */
export function machineTime(at: Date | string): string {
	return new Date(at).toISOString();
}
