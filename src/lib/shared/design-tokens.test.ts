/**
 * One set of design tokens: every colour on screen comes from app.css's custom properties, so a
 * status, a border or a focus ring means the same everywhere and its contrast is checked once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_APP_MANIFEST as manifest } from './manifest';
import { stepStatusTone, consentStatusTone } from './status-tones';
import { STEP_STATUSES } from './domain';

const SRC = join(import.meta.dirname, '..', '..');
const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|oklch|lab|lch)\(/gi;

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.svelte'))
		.map((f) => join(dir, f));
}

/** The tokens app.css defines, by name. */
function tokens(): Record<string, string> {
	const css = readFileSync(join(SRC, 'app.css'), 'utf8');
	return Object.fromEntries([...css.matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)].map(([, name, value]) => [name!, value!.trim()]));
}

describe('design tokens', () => {
	it('no component writes a colour of its own: each uses a token from app.css', () => {
		const found: string[] = [];
		for (const file of svelteFiles(SRC)) {
			const text = readFileSync(file, 'utf8');
			for (const style of text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
				for (const hit of style[1]!.matchAll(COLOUR_LITERAL)) found.push(`${file.slice(SRC.length + 1)}: ${hit[0]}`);
			}
			// Inline style attributes and style: directives too.
			for (const hit of text.matchAll(/style(?::[a-z-]+)?="([^"]*)"/g)) {
				for (const colour of hit[1]!.matchAll(COLOUR_LITERAL)) found.push(`${file.slice(SRC.length + 1)}: ${colour[0]}`);
			}
		}
		expect(found).toEqual([]);
	});

	it('every token a component uses is defined', () => {
		const defined = tokens();
		const missing = new Set<string>();
		for (const file of svelteFiles(SRC)) {
			for (const [, name] of readFileSync(file, 'utf8').matchAll(/var\((--[a-z0-9-]+)/g)) if (!(name! in defined)) missing.add(name!);
		}
		expect([...missing]).toEqual([]);
	});

	it('the installed app and the page header have the primary colour of the tokens', () => {
		const { '--c-primary': primary, '--c-bg': background } = tokens();
		expect(manifest.theme_color).toBe(primary);
		expect(manifest.background_color).toBe(background);
		expect(readFileSync(join(SRC, 'app.html'), 'utf8')).toContain(`name="theme-color" content="${primary}"`);
	});

	it('statuses of different meaning never share a tone', () => {
		// Not started, under way and done are three tones; shared and not shared are two.
		expect(new Set(['todo', 'doing', 'done'].map((s) => stepStatusTone(s as (typeof STEP_STATUSES)[number]))).size).toBe(3);
		expect(stepStatusTone('declined')).not.toBe(stepStatusTone('done'));
		expect(consentStatusTone('active')).not.toBe(consentStatusTone('none'));
		expect(consentStatusTone('waiting_cosign')).not.toBe(consentStatusTone('active'));
		expect(consentStatusTone('waiting_cosign')).not.toBe(consentStatusTone('none'));
	});
});
