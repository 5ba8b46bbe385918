/**
 * The server's side of the language split (issue 16): the messages of one language, for the
 * languages whose texts the browser's build leaves out (vite.config.ts `localeSplit`;
 * src/lib/shared/message-table.ts reads them).
 *
 * A page carries them as a script of their own, `/i18n.js?locale=…&v=…`, named by its content, so
 * a phone downloads its language's table once and keeps it (a year, immutable) instead of
 * receiving the whole table inside every page's HTML (about 100 KB, 25 KB gzipped, per view; the
 * HTML budget in tests/size-budget.spec.ts). It is a plain blocking script in the head, so the
 * table is there before the app's scripts start. The offline page keeps the table inline: the
 * service worker stores it per language, and it must work alone.
 *
 * Young people, parents and anyone not logged in get the table without the messages only staff
 * pages show (messages/staff-only.json): in English that is about a third of the table, texts a
 * young person never sees. Staff get the whole table, at its own address (`&for=staff`). The other
 * languages have no staff texts (staff read Danish or English), so their two tables are the same.
 */
import { createHash } from 'node:crypto';
import { STAFF_ROLES } from '../../shared/domain';
import { SPLIT_LOCALES } from '../../shared/locales';
import staffOnlyList from '../../../../messages/staff-only.json';

const files = import.meta.glob<Record<string, string>>('/messages/**/*.json', { eager: true, import: 'default' });
const staffOnly: ReadonlySet<string> = new Set(staffOnlyList.keys);

/** Whose pages the table is for: staff pages need the staff-only messages too. */
export type Readers = 'everyone' | 'staff';

/** The address the tables are served at (src/routes/i18n.js). */
export const MESSAGE_TABLE_PATH = '/i18n.js';

interface Table {
	/** The table as JSON, `<` escaped so no text can end a script early. */
	json: string;
	/** A short hash of it: the script's version. */
	version: string;
}

const tables = new Map<string, Table>();

function isSplit(locale: string): boolean {
	return (SPLIT_LOCALES as readonly string[]).includes(locale);
}

function tableOf(locale: string, readers: Readers): Table {
	const name = `${locale}:${readers}`;
	let table = tables.get(name);
	if (!table) {
		const messages: Record<string, string> = {};
		for (const [path, content] of Object.entries(files))
			if (path.endsWith(`/${locale}.json`))
				for (const [key, text] of Object.entries(content))
					if (!key.startsWith('$') && (readers === 'staff' || !staffOnly.has(key))) messages[key] = text;
		const json = JSON.stringify({ locale, messages }).replace(/</g, '\\u003c');
		table = { json, version: createHash('sha256').update(json).digest('base64url').slice(0, 16) };
		tables.set(name, table);
	}
	return table;
}

/** The person's readers: staff, or everyone else (young people, parents, anyone not logged in). */
export function readersOf(role: string | null | undefined): Readers {
	return (STAFF_ROLES as readonly string[]).includes(role ?? '') ? 'staff' : 'everyone';
}

/**
 * What a page in the language carries in its head: the table's script, or (`inline`, the offline
 * page) the table itself as a JSON data block; '' for Danish, whose texts are in the build.
 */
export function messageTableTag(locale: string, readers: Readers, inline = false): string {
	if (!isSplit(locale)) return '';
	const { json, version } = tableOf(locale, readers);
	if (inline) return `<script type="application/json" id="minvej-messages">${json}</script>`;
	const forStaff = readers === 'staff' ? '&amp;for=staff' : '';
	return `<script src="${MESSAGE_TABLE_PATH}?locale=${locale}${forStaff}&amp;v=${version}"></script>`;
}

/**
 * The script for `/i18n.js?locale=…&v=…`: it puts the table where message-table.ts looks
 * (`self.minvejMessages`). `immutable` when the version asked is this table's (it may then be kept
 * for good); an older or missing version gets the current table, not to be kept. Null for a
 * language without a table.
 */
export function messageTableScript(
	locale: string | null,
	readers: Readers,
	version: string | null
): { body: string; immutable: boolean } | null {
	if (!locale || !isSplit(locale)) return null;
	const table = tableOf(locale, readers);
	return { body: `self.minvejMessages=${table.json};\n`, immutable: version === table.version };
}

/**
 * A page's head filled in: `<html lang="%lang%" dir="%dir%">` (src/app.html) and the message table's
 * tag just before `</head>`. All three are in the template's head, the page's first few KB, so only
 * that part is searched and copied. Three `replace` calls on the whole page copied it three times:
 * on a guide's `/staff` (125 KB of HTML) that was 2 ms of every request. A chunk without `</head>`
 * (a later part of a streamed page) is returned as it is.
 */
export function fillPageHead(html: string, fill: { lang: string; dir: string; tag: string }): string {
	const end = html.indexOf('</head>');
	if (end < 0) return html;
	return html.slice(0, end).replace('%lang%', fill.lang).replace('%dir%', fill.dir) + fill.tag + html.slice(end);
}

export { dateTextsTag, keepDateTexts } from './date-texts';
