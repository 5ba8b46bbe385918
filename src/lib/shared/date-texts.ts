/**
 * Dates the server already wrote into a page are not formatted again while the page starts in the
 * browser (issue 18). The browser's first `Intl.DateTimeFormat` loads the calendar data: about
 * 20–35 ms on a fast computer, several times that on a cheap phone, inside the task that makes the
 * page live, where it counted four times over in Lighthouse's blocking time. Every date on a page
 * was formatted on the server for its HTML; the server lists those texts in the page
 * (`DATE_TEXTS_ID`, a JSON block, see server/i18n/date-texts.ts), and a formatter here answers
 * from that list first. Only a date the server did not write (a new message, a later page) makes
 * the browser build its own formatter, then once.
 *
 * The formatters of `plan-dates.ts`, `dates.ts` and the messages' `format.ts` are `DateFormat`s:
 * made with `lazyDateFormat(key, make)`, where `key` names the language and the style, and
 * `make` builds the Intl formatter when it is first needed.
 */

/** The id of the page's JSON block with the texts the server formatted. */
export const DATE_TEXTS_ID = 'minvej-date-texts';

/** Formats moments like `Intl.DateTimeFormat#format`. */
export interface DateFormat {
	format(at: Date | number): string;
}

type Recorder = (key: string, text: string) => void;

let recorder: Recorder | null = null;
let known: Map<string, unknown> | undefined;

/** The server's hook: told every text formatted (server/i18n/date-texts.ts keeps a page's own). */
export function setDateTextRecorder(record: Recorder | null): void {
	recorder = record;
}

/** The texts the server listed in this page (read once); none outside a browser or in a damaged list. */
function knownTexts(): Map<string, unknown> {
	if (!known) {
		try {
			known = new Map(Object.entries(JSON.parse(document.getElementById(DATE_TEXTS_ID)?.textContent || '{}')));
		} catch {
			known = new Map();
		}
	}
	return known;
}

const formats = new Map<string, DateFormat>();

/**
 * The formatter named `key` (language and style; one per key, as making one is slow and a page
 * formats many dates). It builds its Intl formatter with `make` only when a date is not listed.
 */
export function lazyDateFormat(key: string, make: () => Intl.DateTimeFormat): DateFormat {
	let format = formats.get(key);
	if (!format) {
		let intl: Intl.DateTimeFormat | undefined;
		format = {
			format(at) {
				const time = +at;
				const textKey = `${key} ${time}`;
				const listed = knownTexts().get(textKey);
				if (typeof listed === 'string') return listed;
				const text = (intl ??= make()).format(time);
				// Only the server keeps texts; the browser's build leaves this out.
				if (import.meta.env.SSR) recorder?.(textKey, text);
				return text;
			}
		};
		formats.set(key, format);
	}
	return format;
}

/** For tests: forget the page's list, so the next format reads it again. */
export function forgetKnownDateTexts(): void {
	known = undefined;
}
