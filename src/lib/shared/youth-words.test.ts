/**
 * Issue 20: no message a young person or a parent reads uses a formal word (anmodning, visitation,
 * dagsorden, afgørelse, forældremyndighed, PPR, KUU, STU) without plain words before it.
 *
 * Which messages they read: the house rule (docs/architecture.md, checked by messages.test.ts) is
 * that a message the young person or a parent can see is written in all seven languages, and one
 * only staff see is listed in messages/staff-only.json (Danish and English only). So a message is
 * youth-facing when it is not on that list and the parts' files in every language have it; and every
 * message the young person's and the parent's routes call by name must be one of those.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LOCALES } from './locales';
import { FORMAL_WORDS, unexplainedFormalWords } from './youth-words';

type Messages = Record<string, string>;
const read = (path: string): Messages => JSON.parse(readFileSync(path, 'utf8'));
const settings = read('project.inlang/settings.json') as unknown as { 'plugin.inlang.messageFormat': { pathPattern: string[] } };
const folders = settings['plugin.inlang.messageFormat'].pathPattern.map((p) => dirname(p));
const staffOnly = new Set((read('messages/staff-only.json') as unknown as { keys: string[] }).keys);

function part(folder: string, locale: string): Messages {
	const path = join(folder, `${locale}.json`);
	if (!existsSync(path)) return {};
	const { $schema: _schema, ...messages } = read(path);
	return messages;
}

/** Every Danish message, and whether young people and parents read it. */
const danish: { key: string; text: string; youth: boolean }[] = folders.flatMap((folder) => {
	const byLocale = LOCALES.map((l) => part(folder, l));
	return Object.entries(part(folder, 'da')).map(([key, text]) => ({
		key,
		text,
		youth: !staffOnly.has(key) && byLocale.every((messages) => key in messages)
	}));
});
/**
 * A consent wording replaced by a newer version (`consent_v1_…` once `consent_v2_…` exists) is no
 * longer shown: its records keep the exact text they were given with (rule 3), and its keys stay
 * only as the history of what was agreed to. The wording in force is the highest version.
 */
const wordingVersion = (key: string) => Number(/^consent_v(\d+)_/.exec(key)?.[1] ?? NaN);
const currentWording = Math.max(...danish.map((d) => wordingVersion(d.key)).filter((v) => !Number.isNaN(v)));
const shown = danish.filter((d) => d.youth && !(wordingVersion(d.key) < currentWording));
const youthKeys = new Set(shown.map((d) => d.key));

/** The message keys a folder's Svelte and TypeScript files call (`m.key(`), all the way down. */
function keysCalledUnder(dir: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile() || !/\.(svelte|ts)$/.test(entry.name) || entry.name.endsWith('.test.ts')) continue;
		const path = join(entry.parentPath, entry.name);
		for (const match of readFileSync(path, 'utf8').matchAll(/\bm\.([a-z][a-z0-9_]*)\(/gi)) found.set(match[1]!, path);
	}
	return found;
}

describe('formal words (issue 20)', () => {
	it('counts a formal word as explained only inside a parenthesis after plain words', () => {
		expect(unexplainedFormalWords('Din anmodning er sendt.')).toEqual(['anmodning']);
		expect(unexplainedFormalWords('På dagsordenen til visitationen')).toEqual(['visitation', 'dagsorden']);
		expect(unexplainedFormalWords('Afgørelse – du får svaret her')).toEqual(['afgørelse']);
		expect(unexplainedFormalWords('når den er afgjort')).toEqual(['afgørelse']);
		expect(unexplainedFormalWords('PPR – Pædagogisk Psykologisk Rådgivning')).toEqual(['PPR']);
		expect(unexplainedFormalWords('I et forløb (FGU, KUU, STU, højskole)')).toEqual([]);
		expect(unexplainedFormalWords('FGU, KUU, STU eller højskole')).toEqual(['KUU', 'STU']);
		expect(unexplainedFormalWords('en af dine forældre (en voksen med forældremyndighed)')).toEqual([]);
		expect(unexplainedFormalWords('en voksen med forældremyndighed')).toEqual(['forældremyndighed']);
		expect(unexplainedFormalWords('Pædagogisk Psykologisk Rådgivning (PPR)')).toEqual([]);
		// Not a word on the list: a name that merely contains the letters.
		expect(unexplainedFormalWords('STUDIO og SPPRING')).toEqual([]);
		expect(FORMAL_WORDS.map((w) => w.word)).toEqual([
			'anmodning',
			'visitation',
			'dagsorden',
			'afgørelse',
			'forældremyndighed',
			'PPR',
			'KUU',
			'STU'
		]);
	});

	it('are not used unexplained in any Danish message a young person or a parent reads', () => {
		const formal = shown.flatMap((d) => unexplainedFormalWords(d.text).map((word) => `${d.key}: »${word}« in ${JSON.stringify(d.text)}`));
		expect(formal, formal.join('\n')).toEqual([]);
		// The scan reads real texts: hundreds of youth-facing messages, among them the reworded ones.
		expect(youthKeys.size).toBeGreaterThan(300);
		expect(currentWording).toBe(2);
		for (const key of [
			'consent_v2_under_age',
			'consent_v2_cosign',
			'consent_v2_purpose_ppr',
			'guide_pick',
			'guide_step_agenda',
			'consent_under_age_notice',
			'department_ppr',
			'youthstatus_preparatory'
		])
			expect(youthKeys.has(key), key).toBe(true);
	});

	it('stay on the staff’s pages, which keep their professional words', () => {
		const staff = danish.filter((d) => !d.youth && unexplainedFormalWords(d.text).length > 0).map((d) => d.key);
		expect(staff).toEqual(expect.arrayContaining(['guide_queue_title', 'settings_field_visitationWeekday', 'outcomes_requests_caption']));
	});

	it('knows every message the young person’s and the parent’s pages call as youth-facing', () => {
		const called = new Map([...keysCalledUnder('src/routes/(youth)'), ...keysCalledUnder('src/routes/parent')]);
		expect(called.size).toBeGreaterThan(50);
		const staff = [...called].filter(([key]) => !youthKeys.has(key)).map(([key, path]) => `${key} (${path})`);
		expect(staff, staff.join('\n')).toEqual([]);
	});
});
