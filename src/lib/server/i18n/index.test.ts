import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TABLE_PATH, messageTableScript, messageTableTag } from './index';
import ar from '../../../../messages/ar.json';

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
		expect(messageTableTag('da')).toBe('');
		expect(messageTableTag('da', true)).toBe('');
		expect(messageTableScript('da', null)).toBeNull();
	});

	it('a page in Arabic loads the table as a script named by its content, not inside the page', () => {
		const tag = messageTableTag('ar');
		const match = /^<script src="\/i18n\.js\?locale=ar&amp;v=([A-Za-z0-9_-]{16})"><\/script>$/.exec(tag);
		expect(match, tag).not.toBeNull();
		expect(MESSAGE_TABLE_PATH).toBe('/i18n.js');
		expect(tag.length).toBeLessThan(100);
		const script = messageTableScript('ar', match![1]!);
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
		const inline = messageTableTag('ar', true);
		const json = /^<script type="application\/json" id="minvej-messages">(.*)<\/script>$/s.exec(inline)?.[1];
		expect(json).toBeDefined();
		const version = /v=([^"]+)"/.exec(messageTableTag('ar'))![1]!;
		expect(JSON.parse(json!)).toEqual(run(messageTableScript('ar', version)!.body));
	});

	it('no text can end the script or the block early', () => {
		for (const tag of [messageTableTag('en', true), messageTableScript('en', null)!.body])
			expect(tag.replace(/<\/script>$/, '')).not.toMatch(/<\//);
	});

	it('each language has its own version; an old or missing one is served but not kept', () => {
		const versions = ['en', 'ar', 'uk', 'tr', 'so', 'fa'].map((l) => /v=([^"]+)"/.exec(messageTableTag(l))![1]);
		expect(new Set(versions).size).toBe(6);
		expect(messageTableScript('ar', 'an-old-version00')?.immutable).toBe(false);
		expect(messageTableScript('ar', null)?.immutable).toBe(false);
		expect(run(messageTableScript('ar', null)!.body).locale).toBe('ar');
	});

	it('an unknown or missing language has no table', () => {
		for (const locale of [null, '', 'xx', 'da', '../en', 'EN']) expect(messageTableScript(locale, null), String(locale)).toBeNull();
	});
});
