/**
 * The server's side of the language split (issue 16): the messages of one language as the JSON
 * data block each page in that language carries (src/lib/shared/message-table.ts reads it). Only
 * for the languages whose texts the browser's build leaves out (vite.config.ts `localeSplit`).
 */
import { SPLIT_LOCALES } from '../../shared/locales';

const files = import.meta.glob<Record<string, string>>('/messages/**/*.json', { eager: true, import: 'default' });

const blocks = new Map<string, string>();

/** `<script type="application/json" id="minvej-messages">…</script>` for the language, or '' for Danish. */
export function messageTableScript(locale: string): string {
	if (!(SPLIT_LOCALES as readonly string[]).includes(locale)) return '';
	let block = blocks.get(locale);
	if (block === undefined) {
		const messages: Record<string, string> = {};
		for (const [path, content] of Object.entries(files))
			if (path.endsWith(`/${locale}.json`)) for (const [key, text] of Object.entries(content)) if (!key.startsWith('$')) messages[key] = text;
		// `<` escaped, so no text can end the block early.
		const json = JSON.stringify({ locale, messages }).replace(/</g, '\\u003c');
		block = `<script type="application/json" id="minvej-messages">${json}</script>`;
		blocks.set(locale, block);
	}
	return block;
}
