/**
 * The key the staff's lists sort and search names by, made the same way by SQLite (the triggers
 * that keep `caseload_index.name_key`) and by JavaScript (`nameKey`, for what a person types into
 * the search). SQLite has no Danish collation, so the key spells one out: ASCII letters in lower
 * case (SQLite's lower() changes nothing else), æ/ä, ø/ö and å after z in that order, é as e and
 * ü as y. Other letters keep their own code point.
 */

/** [from, to] pairs, applied in order after ASCII lower-casing. */
const FOLDS: readonly (readonly [string, string])[] = [
	['Æ', '{'],
	['æ', '{'],
	['Ä', '{'],
	['ä', '{'],
	['Ø', '|'],
	['ø', '|'],
	['Ö', '|'],
	['ö', '|'],
	['Å', '}'],
	['å', '}'],
	['É', 'e'],
	['é', 'e'],
	['Ü', 'y'],
	['ü', 'y']
];

/** The key as an SQL expression of a text expression (e.g. `NEW."display_name"`). */
export function nameKeySql(text: string): string {
	return FOLDS.reduce((expr, [from, to]) => `replace(${expr}, '${from}', '${to}')`, `lower(${text})`);
}

/** The same key in JavaScript, for a search term or a test. */
export function nameKey(text: string): string {
	let key = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
	for (const [from, to] of FOLDS) key = key.replaceAll(from, to);
	return key;
}
