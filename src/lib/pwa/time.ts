/** Times shown by the PWA parts (no other imports: the pages load it at once). */

/** "Seen at" in the municipality's time zone, in the page's language. */
export function formatSeenAt(iso: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Copenhagen'
	}).format(new Date(iso));
}
