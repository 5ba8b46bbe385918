import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATE_TEXTS_ID, forgetKnownDateTexts, lazyDateFormat, setDateTextRecorder } from './date-texts';
import { formatDate, formatDateTime } from './plan-dates';

const STYLE = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
const AT = Date.UTC(2026, 11, 4, 12);

/** A page in the "browser": a document whose JSON block lists `texts`. */
function pageWith(texts: Record<string, string> | string | null) {
	const block = texts === null ? null : { textContent: typeof texts === 'string' ? texts : JSON.stringify(texts) };
	vi.stubGlobal('document', { getElementById: (id: string) => (id === DATE_TEXTS_ID ? block : null) });
	forgetKnownDateTexts();
}

afterEach(() => {
	vi.unstubAllGlobals();
	forgetKnownDateTexts();
	setDateTextRecorder(null);
});

describe('lazyDateFormat: dates the server wrote are not formatted again in the browser (issue 18)', () => {
	it('answers a listed date from the page, without building an Intl formatter', () => {
		pageWith({ [`da test ${AT}`]: '4. december 2026 (fra serveren)' });
		const make = vi.fn(() => new Intl.DateTimeFormat('da', STYLE));
		const format = lazyDateFormat('da test', make);
		expect(format.format(new Date(AT))).toBe('4. december 2026 (fra serveren)');
		expect(format.format(AT)).toBe('4. december 2026 (fra serveren)');
		expect(make).not.toHaveBeenCalled();
	});

	it('formats a date the page does not list, building its formatter once', () => {
		pageWith({ [`da unlisted ${AT}`]: 'listed' });
		const make = vi.fn(() => new Intl.DateTimeFormat('da', STYLE));
		const format = lazyDateFormat('da unlisted', make);
		expect(format.format(AT + 86_400_000)).toBe('5. december 2026');
		expect(format.format(AT + 2 * 86_400_000)).toBe('6. december 2026');
		expect(make).toHaveBeenCalledTimes(1);
		// One formatter per key: asked again, the same one, which builds nothing more.
		expect(lazyDateFormat('da unlisted', make)).toBe(format);
		expect(lazyDateFormat('da unlisted', make).format(AT + 3 * 86_400_000)).toBe('7. december 2026');
		expect(make).toHaveBeenCalledTimes(1);
		// Another style with the same moment is another key: not answered by this one's text.
		expect(lazyDateFormat('en test', () => new Intl.DateTimeFormat('en-GB', STYLE)).format(AT)).toBe('4 December 2026');
	});

	it('formats as before without a document, with no block, or with a damaged block', () => {
		for (const page of [undefined, null, '{not json', '"a string"']) {
			if (page === undefined) forgetKnownDateTexts();
			else pageWith(page);
			expect(lazyDateFormat(`da plain ${String(page)}`, () => new Intl.DateTimeFormat('da', STYLE)).format(AT)).toBe('4. december 2026');
			vi.unstubAllGlobals();
		}
	});

	it('tells the server every text it formats, under the key the browser will look for', () => {
		const told: [string, string][] = [];
		setDateTextRecorder((key, text) => told.push([key, text]));
		const first = formatDate('2026-12-04', 'da');
		const second = formatDateTime('2026-12-17T09:00:00Z', 'en');
		expect(told).toEqual([
			[`da-DK plan-date ${Date.parse('2026-12-04T12:00:00Z')}`, first],
			[`en-GB plan-dateTime ${Date.parse('2026-12-17T09:00:00Z')}`, second]
		]);
		// The browser, given what the server told, answers the same without formatting.
		pageWith(Object.fromEntries(told));
		const spy = vi.spyOn(Intl, 'DateTimeFormat');
		expect(formatDate('2026-12-04', 'da')).toBe(first);
		expect(formatDateTime('2026-12-17T09:00:00Z', 'en')).toBe(second);
		expect(spy).not.toHaveBeenCalled();
		spy.mockRestore();
	});
});
