/**
 * The house rules of docs/architecture.md are kept by `npm run lint`: this test writes small
 * probes that break each rule into the tree, lints them with the project's own configuration and
 * expects the rule to fire, so a change to eslint.config.js that silently drops a rule fails here.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const probe = path.join(root, `src/lib/server/probe-${process.pid}`);
const routeProbe = path.join(root, `src/routes/probe-${process.pid}`);

function write(file: string, text: string) {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
	return file;
}

async function rulesFired(files: string[]) {
	const eslint = new ESLint({ cwd: root });
	const results = await eslint.lintFiles(files);
	return results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}: ${m.ruleId}`));
}

afterAll(() => {
	rmSync(probe, { recursive: true, force: true });
	rmSync(routeProbe, { recursive: true, force: true });
});

describe('npm run lint keeps the house rules', () => {
	it('fails on an import loop, on reaching into another part, and on server code importing a component', async () => {
		const a = write(path.join(probe, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
		const b = write(
			path.join(probe, 'b.ts'),
			"import { a } from './a';\nimport { getPlanView } from '../plan/view';\nimport type FormError from '$lib/components/FormError.svelte';\nexport const b = (): unknown[] => [a, getPlanView, null as unknown as FormError];\n"
		);
		const fired = await rulesFired([a, b]);
		expect(fired).toContain('a.ts: import-x/no-cycle');
		expect(fired).toContain('b.ts: import-x/no-cycle');
		expect(fired.filter((f) => f === 'b.ts: no-restricted-imports')).toHaveLength(2);
	}, 120_000);

	it("fails on a route importing a part's inner file instead of its entry", async () => {
		const route = write(
			path.join(routeProbe, '+page.server.ts'),
			"import { getPlanView } from '$lib/server/plan/view';\nexport const load = () => ({ v: typeof getPlanView });\n"
		);
		expect(await rulesFired([route])).toContain('+page.server.ts: no-restricted-imports');
	}, 120_000);

	it('fails on a page importing from the server, and on the server side of a route importing a component', async () => {
		const page = write(
			path.join(routeProbe, 'Probe.svelte'),
			'<script lang="ts">\n\timport type { SessionUser } from \'$lib/server/auth\';\n\tlet { user }: { user: SessionUser } = $props();\n</script>\n\n<p>{user.displayName}</p>\n'
		);
		const load = write(
			path.join(routeProbe, 'probe.server.ts'),
			"import type Probe from './Probe.svelte';\nexport const load = (): Probe | null => null;\n"
		);
		const fired = await rulesFired([page, load]);
		expect(fired).toContain('Probe.svelte: no-restricted-imports');
		expect(fired).toContain('probe.server.ts: no-restricted-imports');
	}, 240_000);

	it('passes the same code written by the rules', async () => {
		const ok = write(path.join(probe, 'ok.ts'), "import { getPlanView } from '../plan';\nexport const ok = () => getPlanView;\n");
		expect(await rulesFired([ok])).toEqual([]);
	}, 120_000);
});
