import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitMessageModule } from './locale-split';

// The messages compiled as a build compiles them, one module per message (Vitest's own compile,
// in src/lib/paraglide, is one module per language). Vitest loads them with Node itself, as it loads
// src/lib/paraglide (`server.deps.external` in vite.config.ts, by this folder's prefix).
const out = mkdtempSync(join(tmpdir(), 'minvej-paraglide-'));
let modules: { local: string; code: string }[] = [];
let messages: Record<string, (inputs?: object, options?: { locale?: string }) => string> = {};

// The compile takes some 4 s (6 s of CPU) alone on an idle machine; a pre-check that ran its unit
// tests on two workers, a busy loop and a browser test on the same 2 cores took it past 60 s. The
// bound is on the compile only; the assertions below are the same. It runs in a process of its own
// (scripts/compile-messages.js), which exits when done: in this worker the compiler's 30-second
// timers held the run's end up.
beforeAll(async () => {
	// Ended before the hook's own bound, so a compile that hangs never outlives the test.
	await promisify(execFile)(process.execPath, ['scripts/compile-messages.js', out, 'message-modules'], {
		cwd: join(import.meta.dirname, '../../..'),
		timeout: 170_000,
		killSignal: 'SIGKILL'
	});
	const dir = join(out, 'messages');
	modules = readdirSync(dir)
		.filter((file) => file.endsWith('.js') && file !== '_index.js')
		.map((file) => ({ local: file.slice(0, -3), code: readFileSync(join(dir, file), 'utf8') }));
	messages = await import(/* @vite-ignore */ pathToFileURL(join(out, 'messages.js')).href);
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The names a module exports: `export const x` and `export { x as "y" }`. */
function exportsOf(code: string): string[] {
	const names = [...code.matchAll(/export const ([A-Za-z0-9_$]+)/g)].map((m) => m[1]!);
	for (const [, list] of code.matchAll(/export \{([^}]*)\}/g))
		for (const part of list!.split(','))
			names.push(
				part
					.trim()
					.split(/\s+as\s+/)
					.pop()!
					.replace(/^"|"$/g, '')
			);
	return names.sort();
}

/** Runs the browser's version with a table that answers "<key>|<Danish text>". */
function runSplit(code: string): Record<string, (inputs?: object, options?: object) => string> {
	const body = code
		.replace(/^import .*$/m, '')
		.replace(/export \{ ([A-Za-z0-9_$]+) as ("[^"]+") \};/, 'return { [$2]: $1 };')
		.replace(/export \{ ([A-Za-z0-9_$]+) \};/, 'return { $1 };');
	const splitMessage =
		(key: string, danish: (inputs: object) => string) =>
		(inputs: object = {}) =>
			`${key}|${danish(inputs)}`;
	return new Function('splitMessage', body)(splitMessage);
}

describe('the browser build’s language split', () => {
	it('finds the compiled messages', () => {
		expect(modules.length).toBeGreaterThan(500);
		expect(modules.some(({ code }) => /export \{ \w+ as "/.test(code))).toBe(true); // keys Paraglide renames exist
	});

	it('keeps every message under the name it had, looked up by its real key, with its Danish text', () => {
		for (const { local, code } of modules) {
			const split = splitMessageModule(code, local);
			expect(exportsOf(split), local).toEqual(exportsOf(code));
			for (const [key, message] of Object.entries(runSplit(split))) {
				expect(typeof message, key).toBe('function');
				expect(message(), key).toBe(`${key}|${messages[key]!({}, { locale: 'da' })}`);
			}
		}
	});

	it('drops every other language’s text', () => {
		const split = splitMessageModule(modules.find(({ local }) => local === 'settings_field_unitphone1')!.code, 'settings_field_unitphone1');
		expect(split).toContain('Telefonnummer');
		expect(split).not.toContain('Phone number');
		expect(split).toContain('export { settings_field_unitphone1 as "settings_field_unitPhone" }');
	});
});
