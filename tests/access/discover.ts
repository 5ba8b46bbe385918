/**
 * Finds every page, form action and endpoint under src/routes by reading the files, never from a
 * hand-written list: a page is a folder with `+page.svelte`; its form actions are the keys of
 * `export const actions = { … }` in `+page.server.ts` (spreads such as `...planActions` are
 * followed into the module they come from); an endpoint is each HTTP method a `+server.ts`
 * exports. Anything it cannot read makes it throw, so a new way of writing a route cannot slip
 * past the matrix unseen.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export type TargetKind = 'page' | 'action' | 'endpoint';

export interface Target {
	/** `GET /plan`, `POST /plan?/markDone`, `POST /api/messages`: the matrix's key. */
	key: string;
	kind: TargetKind;
	method: string;
	/** The URL pattern without route groups, with its [params]: `/staff/youth/[youthId]`. */
	pattern: string;
	/** The named action (`default` for a page's only unnamed one). */
	action?: string;
	/** The file it was found in, for messages. */
	file: string;
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

function sourceOf(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function isExported(node: ts.Node): boolean {
	return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** `x satisfies T`, `x as T`, `(x)` → x. */
function unwrap(expression: ts.Expression): ts.Expression {
	let e = expression;
	while (ts.isSatisfiesExpression(e) || ts.isAsExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
	return e;
}

/** The initializer of `const name = …` declared at the top of the file (exported or not). */
function constInitializer(source: ts.SourceFile, name: string, mustBeExported: boolean): ts.Expression | undefined {
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement) || (mustBeExported && !isExported(statement))) continue;
		for (const declaration of statement.declarationList.declarations) {
			if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration.initializer;
		}
	}
	return undefined;
}

/** The file a relative import of `name` in `source` comes from, and the name it has there. */
function importOf(source: ts.SourceFile, name: string): { file: string; imported: string } | undefined {
	for (const statement of source.statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
		const bindings = statement.importClause?.namedBindings;
		if (!bindings || !ts.isNamedImports(bindings)) continue;
		for (const element of bindings.elements) {
			if (element.name.text !== name) continue;
			const spec = statement.moduleSpecifier.text;
			if (!spec.startsWith('.')) throw new Error(`${source.fileName}: "${name}" comes from ${spec}; only relative modules are followed`);
			const base = resolve(dirname(source.fileName), spec);
			const file = [base, `${base}.ts`, `${base}.js`].find((f) => existsSync(f) && statSync(f).isFile());
			if (!file) throw new Error(`${source.fileName}: cannot find the module ${spec}`);
			return { file, imported: element.propertyName?.text ?? name };
		}
	}
	return undefined;
}

/** The keys of an object literal of actions, following spreads into the modules they come from. */
function actionKeys(source: ts.SourceFile, expression: ts.Expression, seen = new Set<string>()): string[] {
	const object = unwrap(expression);
	if (!ts.isObjectLiteralExpression(object)) {
		throw new Error(
			`${source.fileName}: the actions are not an object literal (${ts.SyntaxKind[object.kind]}); teach discover.ts to read it`
		);
	}
	const keys: string[] = [];
	for (const property of object.properties) {
		if (ts.isSpreadAssignment(property)) {
			const spread = unwrap(property.expression);
			if (!ts.isIdentifier(spread)) throw new Error(`${source.fileName}: cannot follow the spread ${spread.getText(source)}`);
			const local = constInitializer(source, spread.text, false);
			if (local) {
				keys.push(...actionKeys(source, local, seen));
				continue;
			}
			const origin = importOf(source, spread.text);
			if (!origin) throw new Error(`${source.fileName}: cannot find where ${spread.text} comes from`);
			if (seen.has(`${origin.file}#${origin.imported}`)) throw new Error(`${origin.file}: circular spread of ${origin.imported}`);
			seen.add(`${origin.file}#${origin.imported}`);
			const other = sourceOf(origin.file);
			const init = constInitializer(other, origin.imported, true);
			if (!init) throw new Error(`${origin.file}: no "export const ${origin.imported} = { … }"`);
			keys.push(...actionKeys(other, init, seen));
			continue;
		}
		const name = property.name;
		if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) {
			throw new Error(`${source.fileName}: an action with a computed name: ${property.getText(source)}`);
		}
		keys.push(name.text);
	}
	return keys;
}

/** The named actions a `+page.server.ts` exports (none if it exports no `actions`). */
export function actionsOf(file: string): string[] {
	const source = sourceOf(file);
	const init = constInitializer(source, 'actions', true);
	if (init) return actionKeys(source, init);
	// `export { actions }`, `export function actions` …: not read here, so refuse to guess.
	if (/\bexport\s*(\{[^}]*\bactions\b|function\s+actions\b|let\s+actions\b|var\s+actions\b)/.test(source.text)) {
		throw new Error(`${file}: actions are exported in a form discover.ts does not read`);
	}
	return [];
}

/** The HTTP methods a `+server.ts` exports. */
export function methodsOf(file: string): string[] {
	const source = sourceOf(file);
	const methods: string[] = [];
	for (const statement of source.statements) {
		if (ts.isVariableStatement(statement) && isExported(statement)) {
			for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) methods.push(d.name.text);
		} else if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
			methods.push(statement.name.text);
		} else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
			for (const e of statement.exportClause.elements) methods.push(e.name.text);
		}
	}
	const unknown = methods.filter((m) => !HTTP_METHODS.includes(m) && !['prerender', 'trailingSlash', 'config'].includes(m));
	if (unknown.length) throw new Error(`${file}: exports ${unknown.join(', ')}, which is not an HTTP method`);
	return methods.filter((m) => HTTP_METHODS.includes(m));
}

/** `src/routes/(youth)/plan` → `/plan`; groups do not appear in URLs. */
function patternOf(routesDir: string, dir: string): string {
	const segments = relative(routesDir, dir)
		.split(/[\\/]/)
		.filter((s) => s !== '' && !/^\(.*\)$/.test(s));
	return '/' + segments.join('/');
}

function walk(dir: string): string[] {
	const dirs = [dir];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) dirs.push(...walk(join(dir, entry.name)));
	}
	return dirs;
}

const first = (dir: string, names: string[]) => names.map((n) => join(dir, n)).find((f) => existsSync(f));

/** Every page, action and endpoint under `routesDir`. */
export function discoverRoutes(routesDir = resolve('src/routes')): Target[] {
	const targets: Target[] = [];
	for (const dir of walk(routesDir)) {
		const pattern = patternOf(routesDir, dir);
		const page = first(dir, ['+page.svelte']);
		const pageServer = first(dir, ['+page.server.ts', '+page.server.js']);
		const server = first(dir, ['+server.ts', '+server.js']);
		if (pageServer && !page) throw new Error(`${pageServer}: a page server file without +page.svelte`);
		if (page) {
			targets.push({ key: `GET ${pattern}`, kind: 'page', method: 'GET', pattern, file: page });
			for (const action of pageServer ? actionsOf(pageServer) : []) {
				const key = action === 'default' ? `POST ${pattern}` : `POST ${pattern}?/${action}`;
				targets.push({ key, kind: 'action', method: 'POST', pattern, action, file: pageServer! });
			}
		}
		if (server) {
			for (const method of methodsOf(server)) {
				targets.push({ key: `${method} ${pattern}`, kind: 'endpoint', method, pattern, file: server });
			}
		}
	}
	const keys = targets.map((t) => t.key);
	const doubled = keys.filter((k, i) => keys.indexOf(k) !== i);
	if (doubled.length) throw new Error(`Two routes answer the same request: ${doubled.join(', ')}`);
	return targets.sort((a, b) => a.key.localeCompare(b.key));
}
