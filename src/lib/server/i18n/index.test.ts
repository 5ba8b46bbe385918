import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fillPageHead, MESSAGE_TABLE_PATH, messageTableScript, messageTableTag, readersOf } from './index';
import ar from '../../../../messages/ar.json';
import staffOnly from '../../../../messages/staff-only.json';

type Table = { locale: string; messages: Record<string, string> };

/** Runs the script as a browser would and returns what it left for message-table.ts. */
function run(body: string): Table {
	const context: { self?: unknown; minvejMessages?: Table } = {};
	context.self = context;
	runInNewContext(body, context);
	return context.minvejMessages!;
}

describe('a language’s messages for the browser (issue 16)', () => {
	it('Danish needs none: its texts are in the build', () => {
		expect(messageTableTag('da', 'everyone')).toBe('');
		expect(messageTableTag('da', 'staff', true)).toBe('');
		expect(messageTableScript('da', 'everyone', null)).toBeNull();
	});

	it('a page in Arabic loads the table as a script named by its content, not inside the page', () => {
		const tag = messageTableTag('ar', 'everyone');
		const match = /^<script src="\/i18n\.js\?locale=ar&amp;v=([A-Za-z0-9_-]{16})"><\/script>$/.exec(tag);
		expect(match, tag).not.toBeNull();
		expect(MESSAGE_TABLE_PATH).toBe('/i18n.js');
		expect(tag.length).toBeLessThan(100);
		const script = messageTableScript('ar', 'everyone', match![1]!);
		expect(script?.immutable).toBe(true);
		const table = run(script!.body);
		expect(table.locale).toBe('ar');
		// Every Arabic text, from every feature's folder, and none of the '$schema' keys.
		for (const [key, text] of Object.entries(ar as Record<string, string>))
			if (!key.startsWith('$')) expect(table.messages[key], key).toBe(text);
		expect(Object.keys(table.messages).length).toBeGreaterThan(Object.keys(ar).length);
		expect(Object.keys(table.messages).some((k) => k.startsWith('$'))).toBe(false);
	});

	it('the offline page keeps the same table inline, as a JSON data block', () => {
		const inline = messageTableTag('ar', 'everyone', true);
		const json = /^<script type="application\/json" id="minvej-messages">(.*)<\/script>$/s.exec(inline)?.[1];
		expect(json).toBeDefined();
		const version = /v=([^"]+)"/.exec(messageTableTag('ar', 'everyone'))![1]!;
		expect(JSON.parse(json!)).toEqual(run(messageTableScript('ar', 'everyone', version)!.body));
	});

	it('no text can end the script or the block early', () => {
		for (const tag of [messageTableTag('en', 'staff', true), messageTableScript('en', 'staff', null)!.body])
			expect(tag.replace(/<\/script>$/, '')).not.toMatch(/<\//);
	});

	it('each language has its own version; an old or missing one is served but not kept', () => {
		const versions = ['en', 'ar', 'uk', 'tr', 'so', 'fa'].map((l) => /v=([^"]+)"/.exec(messageTableTag(l, 'everyone'))![1]);
		expect(new Set(versions).size).toBe(6);
		expect(messageTableScript('ar', 'everyone', 'an-old-version00')?.immutable).toBe(false);
		expect(messageTableScript('ar', 'everyone', null)?.immutable).toBe(false);
		expect(run(messageTableScript('ar', 'everyone', null)!.body).locale).toBe('ar');
	});

	it('an unknown or missing language has no table', () => {
		for (const locale of [null, '', 'xx', 'da', '../en', 'EN'])
			for (const readers of ['everyone', 'staff'] as const) expect(messageTableScript(locale, readers, null), String(locale)).toBeNull();
	});

	it('a young person’s table leaves out the staff pages’ texts; staff get them at an address of their own', () => {
		const keys = staffOnly.keys;
		expect(keys.length).toBeGreaterThan(100);
		const youthTag = messageTableTag('en', 'everyone');
		const staffTag = messageTableTag('en', 'staff');
		expect(youthTag).not.toContain('for=staff');
		expect(staffTag).toMatch(/^<script src="\/i18n\.js\?locale=en&amp;for=staff&amp;v=[A-Za-z0-9_-]{16}"><\/script>$/);
		const version = (tag: string) => /v=([^"]+)"/.exec(tag)![1]!;
		expect(version(staffTag)).not.toBe(version(youthTag));
		const youth = run(messageTableScript('en', 'everyone', version(youthTag))!.body).messages;
		const staff = run(messageTableScript('en', 'staff', version(staffTag))!.body).messages;
		// The staff table is the whole English table; the young person's is it without the staff texts.
		for (const key of keys) {
			expect(staff[key], key).toEqual(expect.any(String));
			expect(youth[key], key).toBeUndefined();
		}
		expect(Object.keys(youth).length).toBe(Object.keys(staff).length - keys.length);
		for (const [key, text] of Object.entries(youth)) expect(staff[key]).toBe(text);
		// What a young person downloads is a good deal smaller.
		expect(messageTableScript('en', 'everyone', null)!.body.length).toBeLessThan(
			0.8 * messageTableScript('en', 'staff', null)!.body.length
		);
		expect(messageTableScript('en', 'staff', version(staffTag))?.immutable).toBe(true);
		expect(messageTableScript('en', 'staff', version(youthTag))?.immutable).toBe(false);
	});

	it('staff are everyone but young people, parents and anyone not logged in', () => {
		for (const role of [null, undefined, '', 'youth', 'parent', 'someone']) expect(readersOf(role), String(role)).toBe('everyone');
		for (const role of ['guide', 'coordinator', 'caseworker']) expect(readersOf(role), role).toBe('staff');
	});
});

describe('a page’s head filled in', () => {
	const template = (body: string) =>
		`<!doctype html>\n<html lang="%lang%" dir="%dir%">\n\t<head>\n\t\t<title>Min plan</title>\n\t</head>\n\t<body>${body}</body>\n</html>`;
	const fill = { lang: 'ar', dir: 'rtl', tag: '<script src="/i18n.js?locale=ar&amp;v=1"></script>' };

	it('sets the language and direction, and puts the tag last in the head', () => {
		expect(fillPageHead(template('<p>x</p>'), fill)).toBe(
			`<!doctype html>\n<html lang="ar" dir="rtl">\n\t<head>\n\t\t<title>Min plan</title>\n\t<script src="/i18n.js?locale=ar&amp;v=1"></script></head>\n\t<body><p>x</p></body>\n</html>`
		);
	});

	it('leaves the body alone, also where it holds the same words', () => {
		const body = '<pre>%lang% %dir% &lt;/head&gt;</pre>';
		expect(fillPageHead(template(body), fill)).toContain(`<body>${body}</body>`);
	});

	it('returns a later chunk of a streamed page as it is', () => {
		const chunk = '<script>__sveltekit.resolve({"lang":"%lang%"})</script></body></html>';
		expect(fillPageHead(chunk, fill)).toBe(chunk);
	});

	it('equals the three replaces it stands for, on a long page', () => {
		const page = template('<li>række</li>'.repeat(10_000));
		const replaced = page.replace('%lang%', fill.lang).replace('%dir%', fill.dir).replace('</head>', `${fill.tag}</head>`);
		expect(fillPageHead(page, fill)).toBe(replaced);
	});
});
