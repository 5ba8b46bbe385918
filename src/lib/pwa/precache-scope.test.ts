import { describe, expect, it } from 'vitest';
import { staffOnlyFiles, type BuiltChunk } from './precache-scope';

const chunk = (fileName: string, more: Partial<BuiltChunk> = {}): BuiltChunk => ({
	fileName,
	isEntry: false,
	routeFiles: [],
	imports: [],
	dynamicImports: [],
	css: [],
	...more
});
const node = (fileName: string, routeFiles: string[], more: Partial<BuiltChunk> = {}) =>
	chunk(fileName, { isEntry: true, routeFiles, ...more });

/** A build like SvelteKit's: the app entry lazily imports every node; nodes share chunks. */
function build(): BuiltChunk[] {
	return [
		chunk('entry/start.js', { isEntry: true, imports: ['chunks/runtime.js'] }),
		chunk('entry/app.js', {
			isEntry: true,
			imports: ['chunks/runtime.js'],
			dynamicImports: ['nodes/0.js', 'nodes/1.js', 'nodes/2.js', 'nodes/3.js', 'nodes/4.js']
		}),
		node('nodes/0.js', ['/app/src/routes/+layout.svelte'], { imports: ['chunks/runtime.js'], css: ['assets/0.css'] }),
		node('nodes/1.js', ['/app/src/routes/+error.svelte']),
		node('nodes/2.js', ['/app/src/routes/(youth)/plan/+page.svelte', '/app/src/routes/(youth)/plan/YouthPlan.svelte'], {
			imports: ['chunks/plan-shared.js'],
			css: ['assets/plan.css']
		}),
		node('nodes/3.js', ['/app/src/routes/staff/+layout.svelte'], { imports: ['chunks/staff-menu.js'], css: ['assets/staff.css'] }),
		node('nodes/4.js', ['/app/src/routes/staff/youth/[id]/+page.svelte'], {
			imports: ['chunks/plan-shared.js', 'chunks/staff-plan.js'],
			dynamicImports: ['chunks/staff-lazy.js'],
			css: ['assets/plan.css', 'assets/staff-plan.css']
		}),
		chunk('chunks/runtime.js'),
		chunk('chunks/plan-shared.js', { imports: ['chunks/runtime.js'] }),
		chunk('chunks/staff-menu.js', { imports: ['chunks/runtime.js'] }),
		chunk('chunks/staff-plan.js', { imports: ['chunks/plan-shared.js'] }),
		chunk('chunks/staff-lazy.js')
	];
}

describe('staffOnlyFiles', () => {
	it('leaves out the staff nodes and what only they import, with their style sheets', () => {
		expect(staffOnlyFiles(build())).toEqual([
			'assets/staff-plan.css',
			'assets/staff.css',
			'chunks/staff-lazy.js',
			'chunks/staff-menu.js',
			'chunks/staff-plan.js',
			'nodes/3.js',
			'nodes/4.js'
		]);
	});

	it('keeps a chunk and a style sheet a young person’s page shares with a staff page', () => {
		const left = staffOnlyFiles(build());
		expect(left).not.toContain('chunks/plan-shared.js');
		expect(left).not.toContain('assets/plan.css');
		expect(left).not.toContain('chunks/runtime.js');
	});

	it('keeps a node that bundles a route outside the staff’s pages, and all it reaches', () => {
		const chunks = build().map((c) =>
			c.fileName === 'nodes/4.js' ? { ...c, routeFiles: [...c.routeFiles, '/app/src/routes/PwaClient.svelte'] } : c
		);
		expect(staffOnlyFiles(chunks)).toEqual(['assets/staff.css', 'chunks/staff-menu.js', 'nodes/3.js']);
	});

	it('leaves nothing out of a build without staff pages', () => {
		const chunks = build().filter(
			(c) => !c.fileName.startsWith('nodes/3') && !c.fileName.startsWith('nodes/4') && !c.fileName.includes('staff')
		);
		expect(staffOnlyFiles(chunks)).toEqual([]);
	});
});
