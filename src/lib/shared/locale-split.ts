/**
 * The build's side of the language split (issue 16, vite.config.ts `localeSplit`): a compiled
 * Paraglide message module as the browser's build gets it, with its Danish text only and the
 * other languages read from the page's table (message-table.ts).
 *
 * Paraglide names a module after its key in lower case (`settings_field_unitphone1.js`) and exports
 * the message under its real key (`export { settings_field_unitphone1 as "settings_field_unitPhone" }`)
 * when the two differ. The result exports exactly what the original did, under the same names,
 * and looks the message up in the table by its real key.
 */

/** The message's real key: the name it is exported under. */
function exportedKey(code: string, local: string): string {
	const alias = new RegExp(`export \\{ ${local} as "([^"]+)" \\}`).exec(code);
	if (alias) return alias[1]!;
	if (new RegExp(`export const ${local} =`).test(code) || new RegExp(`export \\{ ${local} \\}`).test(code)) return local;
	throw new Error(`minvej-locale-split: ${local} is not exported as expected`);
}

/** The browser's version of one compiled message module; `local` is its file name without `.js`. */
export function splitMessageModule(code: string, local: string): string {
	const danish = new RegExp(`const da_${local} = [^\\n]*=> \\{\\n[\\s\\S]*?\\n\\};`).exec(code)?.[0];
	if (!danish) throw new Error(`minvej-locale-split: no Danish text for ${local}`);
	const key = exportedKey(code, local);
	return [
		"import { splitMessage } from '$lib/shared/message-table';",
		danish,
		// Pure: a message no page uses is still left out of the build.
		`const ${local} = /* @__PURE__ */ splitMessage(${JSON.stringify(key)}, da_${local});`,
		key === local ? `export { ${local} };` : `export { ${local} as ${JSON.stringify(key)} };`
	].join('\n');
}
