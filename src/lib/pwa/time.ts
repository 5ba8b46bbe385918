/** Times shown by the PWA parts (only the language table beside it: the pages load it at once). */
import { INTL_TAGS, isLocaleName } from '../shared/locales';

/** "Seen at" in the municipality's time zone, in the page's language. */
export function formatSeenAt(iso: string, locale: string): string {
	return new Intl.DateTimeFormat(isLocaleName(locale) ? INTL_TAGS[locale] : INTL_TAGS.da, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Copenhagen'
	}).format(new Date(iso));
}
