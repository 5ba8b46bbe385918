/**
 * The server's side of shared/date-texts.ts (issue 18): while a page renders, every date it
 * formats is kept, and the page carries them as a JSON block, so the browser answers those dates
 * from the list instead of building an `Intl.DateTimeFormat` while the page starts.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DATE_TEXTS_ID, setDateTextRecorder } from '../../shared/date-texts';

/**
 * At most this many texts per page: a list long enough to page through formats its dates in the
 * browser past this, rather than making the page heavier for everyone.
 */
export const MAX_DATE_TEXTS = 400;

const pages = new AsyncLocalStorage<Map<string, string>>();

function record(key: string, text: string): void {
	const texts = pages.getStore();
	if (texts && texts.size < MAX_DATE_TEXTS) texts.set(key, text);
}

/** Runs `render` (a page's request), keeping in `texts` the dates it formats. */
export function keepDateTexts<T>(texts: Map<string, string>, render: () => T): T {
	setDateTextRecorder(record);
	return pages.run(texts, render);
}

/** The page's JSON block of its dates ('' when it has none); `<` escaped so no text ends it early. */
export function dateTextsTag(texts: ReadonlyMap<string, string>): string {
	if (!texts.size) return '';
	const json = JSON.stringify(Object.fromEntries(texts)).replaceAll('<', '\\u003c');
	return `<script type="application/json" id="${DATE_TEXTS_ID}">${json}</script>`;
}
