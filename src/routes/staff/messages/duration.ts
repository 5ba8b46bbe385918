/** How long a young person has waited, for the staff's inbox ("3 timer", "2 dage"). */
import { formatDistanceStrict } from 'date-fns';
import { da, enGB } from 'date-fns/locale';
import { getLocale } from '$lib/paraglide/runtime';

/** "3 timer", "2 dage": how long since `iso`. Its own module, so the young person's pages do not load date-fns. */
export function durationSince(iso: string, now = new Date()): string {
	return formatDistanceStrict(new Date(iso), now, { locale: getLocale() === 'en' ? enGB : da, roundingMethod: 'floor' });
}
