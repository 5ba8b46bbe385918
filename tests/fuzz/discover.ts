/**
 * Finds every form action and every endpoint method under src/routes from the source itself, so a
 * new action or endpoint is fuzzed without anyone adding it to a list: the named actions of each
 * `+page.server.ts` (following `...spread` objects into the modules they come from) and the HTTP
 * methods each `+server.ts` exports.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROUTES_DIR = resolve('src/routes');

export interface ActionTarget {
	kind: 'action';
	/** The route's folder under src/routes, e.g. `/staff/youth/[youthId]`. */
	routeId: string;
	/** The action's name; `default` for an unnamed action. */
	name: string;
	/** Identifier-like string literals in the route's server code: candidate field names. */
	sourceFields: string[];
}

export interface EndpointTarget {
	kind: 'endpoint';
	routeId: string;
	method: string;
	sourceFields: string[];
}

export type Target = ActionTarget | EndpointTarget;

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** `x satisfies T`, `x as T`, `(x)`: the expression inside. */
function unwrap(node: ts.Expression): ts.Expression {
	while (ts.isSatisfiesExpression(node) || ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) node = node.expression;
	return node;
}

function exportedConst(source: ts.SourceFile, name: string): ts.VariableDeclaration | undefined {
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		for (const declaration of statement.declarationList.declarations) {
			if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration;
		}
	}
	return undefined;
}

/** The file a relative import of `name` in `source` comes from (./x → ./x.ts). */
function importedFrom(source: ts.SourceFile, name: string): string | undefined {
	for (const statement of source.statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
		const bindings = statement.importClause?.namedBindings;
		if (!bindings || !ts.isNamedImports(bindings) || !bindings.elements.some((e) => e.name.text === name)) continue;
		const spec = statement.moduleSpecifier.text;
		if (!spec.startsWith('.')) throw new Error(`${source.fileName}: actions spread from a non-relative module ${spec}`);
		const base = resolve(dirname(source.fileName), spec);
		const file = [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile());
		if (!file) throw new Error(`${source.fileName}: cannot find ${spec}`);
		return file;
	}
	return undefined;
}

/** The property names of an object literal bound to `name`, following spreads (throws on anything else). */
function objectKeys(source: ts.SourceFile, expression: ts.Expression, files: Set<string>): string[] {
	const node = unwrap(expression);
	if (ts.isIdentifier(node)) {
		const local = exportedConst(source, node.text);
		if (local?.initializer) return objectKeys(source, local.initializer, files);
		const file = importedFrom(source, node.text);
		if (!file) throw new Error(`${source.fileName}: cannot follow ${node.text}`);
		files.add(file);
		const imported = parse(file);
		const declaration = exportedConst(imported, node.text);
		if (!declaration?.initializer) throw new Error(`${file}: no exported const ${node.text}`);
		return objectKeys(imported, declaration.initializer, files);
	}
	if (!ts.isObjectLiteralExpression(node)) throw new Error(`${source.fileName}: actions is not an object literal`);
	return node.properties.flatMap((property) => {
		if (ts.isSpreadAssignment(property)) return objectKeys(source, property.expression, files);
		const name = property.name;
		if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) return [name.text];
		throw new Error(`${source.fileName}: an action with a computed name`);
	});
}

/** Identifier-like string literals (candidate form and JSON field names) in the given files. */
function literals(files: Iterable<string>): string[] {
	const found = new Set<string>();
	for (const file of files) {
		const visit = (node: ts.Node) => {
			if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^[a-z][A-Za-z0-9]{1,39}$/.test(node.text)) {
				found.add(node.text);
			}
			ts.forEachChild(node, visit);
		};
		visit(parse(file));
	}
	return [...found].sort();
}

function routeIdOf(file: string): string {
	const id = '/' + relative(ROUTES_DIR, dirname(file)).split('\\').join('/');
	return id === '/' ? '/' : id.replace(/\/$/, '');
}

function hasExport(statement: ts.Statement): boolean {
	return !!ts.getModifiers(statement as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** Every action and endpoint method under src/routes. */
export function discoverTargets(dir = ROUTES_DIR): Target[] {
	const targets: Target[] = [];
	for (const file of walk(dir).sort()) {
		const base = file.slice(dirname(file).length + 1);
		if (base === '+page.server.ts') {
			const source = parse(file);
			const declaration = exportedConst(source, 'actions');
			if (!declaration?.initializer) continue;
			const files = new Set([file]);
			const names = objectKeys(source, declaration.initializer, files);
			const sourceFields = literals(files);
			for (const name of names) targets.push({ kind: 'action', routeId: routeIdOf(file), name, sourceFields });
		} else if (base === '+server.ts') {
			const source = parse(file);
			const methods = new Set<string>();
			for (const statement of source.statements) {
				if (!hasExport(statement)) continue;
				if (ts.isVariableStatement(statement)) {
					for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) methods.add(d.name.text);
				} else if (ts.isFunctionDeclaration(statement) && statement.name) methods.add(statement.name.text);
			}
			const sourceFields = literals([file]);
			for (const method of METHODS.filter((m) => methods.has(m)))
				targets.push({ kind: 'endpoint', routeId: routeIdOf(file), method, sourceFields });
		}
	}
	return targets;
}

/** The route's URL path with its parameters filled in, route groups left out. */
export function routePath(routeId: string, params: Record<string, string>): string {
	const path = routeId
		.split('/')
		.filter((part) => part && !/^\(.*\)$/.test(part))
		.map((part) =>
			part.replace(/\[([^\]]+)\]/g, (_, name: string) => {
				const value = params[name];
				if (value === undefined) throw new Error(`no value for [${name}] in ${routeId}`);
				return encodeURIComponent(value);
			})
		)
		.join('/');
	return '/' + path;
}

/** The names of a route's parameters, e.g. ['youthId']. */
export function routeParams(routeId: string): string[] {
	return [...routeId.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
}

/** Every page route (a folder with +page.svelte) under src/routes. */
export function discoverPages(dir = ROUTES_DIR): string[] {
	return walk(dir)
		.filter((file) => file.endsWith(`${'/'}+page.svelte`))
		.map(routeIdOf)
		.sort();
}
