/**
 * The house rules of docs/architecture.md are kept by `npm run lint`: this test writes small
 * probes that break each rule into the tree, lints them with the project's own configuration and
 * expects the rule to fire, so a change to eslint.config.js that silently drops a rule fails here.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const probe = path.join(root, `src/lib/server/probe-${process.pid}`);
const routeProbe = path.join(root, `src/routes/probe-${process.pid}`);

function write(file: string, text: string) {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
	return file;
}

/** Every probe, written before the one lint run (building the import graph is the slow part). */
const probes = {
	a: [path.join(probe, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n"],
	b: [
		path.join(probe, 'b.ts'),
		"import { a } from './a';\nimport { getPlanView } from '../plan/view';\nimport type FormError from '$lib/components/FormError.svelte';\nexport const b = (): unknown[] => [a, getPlanView, null as unknown as FormError];\n"
	],
	route: [
		path.join(routeProbe, '+page.server.ts'),
		"import { getPlanView } from '$lib/server/plan/view';\nexport const load = () => ({ v: typeof getPlanView });\n"
	],
	page: [
		path.join(routeProbe, 'Probe.svelte'),
		'<script lang="ts">\n\timport type { SessionUser } from \'$lib/server/auth\';\n\tlet { user }: { user: SessionUser } = $props();\n</script>\n\n<p>{user.displayName}</p>\n'
	],
	load: [
		path.join(routeProbe, 'probe.server.ts'),
		"import type Probe from './Probe.svelte';\nexport const load = (): Probe | null => null;\n"
	],
	// A prop declared and never used: found only with the program's type information.
	props: [
		path.join(routeProbe, 'Unused.svelte'),
		'<script lang="ts">\n\tlet { shown }: { shown: string; forgotten?: number } = $props();\n</script>\n\n<p>{shown}</p>\n'
	],
	ok: [path.join(probe, 'ok.ts'), "import { getPlanView } from '../plan';\nexport const ok = () => getPlanView;\n"]
} as const;

/** What fired, per probe, as `file: rule`. */
let fired: Record<keyof typeof probes, string[]>;

beforeAll(async () => {
	for (const [file, text] of Object.values(probes)) write(file, text);
	const results = await new ESLint({ cwd: root }).lintFiles(Object.values(probes).map(([file]) => file));
	const of = (file: string) =>
		results.filter((r) => r.filePath === file).flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}: ${m.ruleId}`));
	fired = Object.fromEntries(Object.entries(probes).map(([name, [file]]) => [name, of(file)])) as typeof fired;
}, 240_000);

afterAll(() => {
	rmSync(probe, { recursive: true, force: true });
	rmSync(routeProbe, { recursive: true, force: true });
});

describe('npm run lint keeps the house rules', () => {
	it('fails on an import loop, on reaching into another part, and on server code importing a component', () => {
		expect(fired.a).toContain('a.ts: import-x/no-cycle');
		expect(fired.b).toContain('b.ts: import-x/no-cycle');
		expect(fired.b.filter((f) => f === 'b.ts: no-restricted-imports')).toHaveLength(2);
	});

	it("fails on a route importing a part's inner file instead of its entry", () => {
		expect(fired.route).toContain('+page.server.ts: no-restricted-imports');
	});

	it('fails on a page importing from the server, and on the server side of a route importing a component', () => {
		expect(fired.page).toContain('Probe.svelte: no-restricted-imports');
		expect(fired.load).toContain('probe.server.ts: no-restricted-imports');
	});

	it('lints components with type information: a prop that is never used fails', () => {
		expect(fired.props).toEqual(['Unused.svelte: svelte/no-unused-props']);
	});

	it('passes the same code written by the rules', () => {
		expect(fired.ok).toEqual([]);
	});
});
