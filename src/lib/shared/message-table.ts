/**
 * The browser's side of the language split (issue 16, vite.config.ts `localeSplit`): in the
 * browser's build, a message in Arabic, Ukrainian, Turkish, Somali or Farsi is not in the
 * JavaScript. The server writes the chosen language's messages into the page as JSON (a data
 * block, `<script type="application/json" id="minvej-messages">`), and they are read from there.
 * So a phone downloads its own language and no other; Danish and English stay in the scripts as
 * before (Danish is the fallback of every message, English the staff's other language).
 */
let table: { locale: string; messages: Record<string, string> } | null = null;

function loaded() {
	if (table) return table;
	const data = typeof document === 'undefined' ? null : document.getElementById('minvej-messages')?.textContent;
	table = data ? JSON.parse(data) : { locale: '', messages: {} };
	return table!;
}

/** The message in the page's language, with its inputs put in; undefined when the page has none. */
export function tableMessage(locale: string, key: string, inputs: Record<string, unknown> | undefined): string | undefined {
	const { locale: own, messages } = loaded();
	const text = own === locale ? messages[key] : undefined;
	return text?.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => String(inputs?.[name] ?? ''));
}
