/**
 * What the service worker leaves out of its precache: the files only staff pages use.
 *
 * The worker precaches the app's files once a page has registered it, in the background, so that
 * a young person's pages open offline. It precached every file of the build, the staff's pages
 * among them: on a young person's phone a quarter of what it downloaded (73 KB gzip of 254 KB)
 * was code it can never open. Staff work on a desktop on the municipality's network; their pages
 * load their files when opened, as any page did before the worker.
 *
 * From the browser build's chunks (vite.config.ts hands them over): every file reached from the
 * app's entries and from the nodes (layouts and pages) of the routes outside `src/routes/staff/`,
 * through their imports, lazy imports and style sheets, is kept. A staff node is never entered,
 * so a chunk only staff pages import is left out; one that a young person's page imports too
 * is kept.
 */
export interface BuiltChunk {
	/** The file in the build, e.g. `_app/immutable/nodes/43.DmA9yYk5.js`. */
	fileName: string;
	/** An entry of the build: the app's start, or a route's node. */
	isEntry: boolean;
	/** The route files (under `src/routes/`) bundled into it. */
	routeFiles: string[];
	imports: string[];
	dynamicImports: string[];
	/** The style sheets it brings along. */
	css: string[];
}

const STAFF_ROUTE = /\/src\/routes\/staff\//;

/** A node of the staff's pages: every route file in it is under `src/routes/staff/`. */
export const isStaffNode = (chunk: BuiltChunk) =>
	chunk.isEntry && chunk.routeFiles.length > 0 && chunk.routeFiles.every((file) => STAFF_ROUTE.test(file));

/** The files (JS and CSS) that only the staff's pages use, sorted. */
export function staffOnlyFiles(chunks: readonly BuiltChunk[]): string[] {
	const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
	const reached = new Set<string>();
	const visit = (name: string) => {
		const chunk = byName.get(name);
		if (reached.has(name) || (chunk && isStaffNode(chunk))) return;
		reached.add(name);
		if (!chunk) return;
		for (const css of chunk.css) reached.add(css);
		for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
	};
	for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
	const staffOnly = new Set<string>();
	for (const chunk of chunks) for (const file of [chunk.fileName, ...chunk.css]) if (!reached.has(file)) staffOnly.add(file);
	return [...staffOnly].sort();
}
