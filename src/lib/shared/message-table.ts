/**
 * The browser's side of the language split (issue 16, vite.config.ts `localeSplit`): in the
 * browser's build a message keeps only its Danish text. A page in another language carries that
 * language's messages as JSON (a data block, `<script type="application/json"
 * id="minvej-messages">`, written by src/lib/server/i18n), and they are read from there. So a
 * phone downloads its own language and no other.
 */
import { getLocale } from '$lib/paraglide/runtime';

let table: { locale: string; messages: Record<string, string> } | null = null;

function loaded() {
	if (table) return table;
	const data = typeof document === 'undefined' ? null : document.getElementById('minvej-messages')?.textContent;
	table = data ? JSON.parse(data) : { locale: 'da', messages: {} };
	return table!;
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
