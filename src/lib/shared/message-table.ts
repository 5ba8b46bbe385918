/**
 * The browser's side of the language split (issue 16, vite.config.ts `localeSplit`): in the
 * browser's build a message keeps only its Danish text. A page in another language loads that
 * language's messages (src/lib/server/i18n): the script `/i18n.js`, which sets
 * `self.minvejMessages` before the app starts and is kept by the phone, or, on the offline page,
 * a JSON data block (`<script type="application/json" id="minvej-messages">`). So a phone
 * downloads its own language and no other, and only once.
 */
import { getLocale } from '$lib/paraglide/runtime';

type Table = { locale: string; messages: Record<string, string> };

let table: Table | null = null;

function loaded(): Table {
	if (table) return table;
	if (typeof document === 'undefined') return (table = { locale: 'da', messages: {} });
	const script = (globalThis as { minvejMessages?: Table }).minvejMessages;
	const data = script ? null : document.getElementById('minvej-messages')?.textContent;
	table = script ?? (data ? (JSON.parse(data) as Table) : { locale: 'da', messages: {} });
	return table;
}

/** The message in the page's language, with its inputs put in; undefined when the page has none. */
export function tableMessage(locale: string, key: string, inputs: Record<string, unknown> | undefined): string | undefined {
	const { locale: own, messages } = loaded();
	const text = own === locale ? messages[key] : undefined;
	return text?.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => String(inputs?.[name] ?? ''));
}

/** A message as the browser's build calls it: from the page's table, else the Danish text. */
export function pickMessage<I>(key: string, options: { locale?: string }, inputs: I, danish: (inputs: I) => string): string {
	const locale = options.locale ?? getLocale();
	if (locale === 'da') return danish(inputs);
	return tableMessage(locale, key, inputs as Record<string, unknown>) ?? danish(inputs);
}

/** A message as the browser's build makes it (locale-split.ts): its key and its Danish text. */
export function splitMessage<I>(key: string, danish: (inputs: I) => string) {
	return (inputs = {} as I, options: { locale?: string } = {}) => pickMessage(key, options, inputs, danish);
}
