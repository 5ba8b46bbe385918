/**
 * What no answer may contain, whatever was sent: a server error, a stack trace, a database error,
 * SQL, a file path, or a sent payload as live markup.
 */
import type { Answer } from './http';
import { INJECTED_MARKUP } from './inputs';

/** Signs of internals reaching a user. The payloads never contain any of these. */
export function leakPatterns(cwd: string, tables: readonly string[]): { name: string; pattern: RegExp }[] {
	const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return [
		{ name: 'SqliteError', pattern: /SqliteError/ },
		{ name: 'SQLITE_ code', pattern: /SQLITE_[A-Z]/ },
		{ name: 'drizzle query', pattern: /Failed query|DrizzleError|DrizzleQueryError/ },
		{ name: 'SQL statement', pattern: /\b(?:select|insert\s+into|update|delete\s+from)\s+\\?["`]/i },
		{ name: 'SQL from a table', pattern: /\bfrom\s+\\?["`][a-z_]+\\?["`]/i },
		{ name: 'table name', pattern: new RegExp(`\\b(?:${tables.map(escape).join('|')})\\b`) },
		{ name: 'stack frame', pattern: /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+/ },
		{ name: 'node internals', pattern: /node:internal|node_modules\// },
		{ name: 'error class', pattern: /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|ZodError): / },
		{ name: 'server path', pattern: new RegExp(`${escape(cwd)}|/src/lib/server|\\.svelte-kit/|/build/server/`) }
	];
}

/** The problems with one answer ([] when it is fine). */
export function problemsOf(answer: Answer, patterns: { name: string; pattern: RegExp }[]): string[] {
	const problems: string[] = [];
	if (answer.status >= 500) problems.push(`status ${answer.status}`);
	for (const { name, pattern } of patterns) {
		const m = pattern.exec(answer.text);
		if (m) problems.push(`${name}: …${answer.text.slice(Math.max(0, m.index - 80), m.index + 120)}…`);
	}
	// Every context a page puts text in escapes '<'; a raw payload tag means the page would run it.
	if (answer.contentType.includes('html')) {
		for (const markup of INJECTED_MARKUP) if (answer.text.includes(markup)) problems.push(`live markup in the page: ${markup}`);
		if (/<[a-z][^>]*\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/i.test(answer.text))
			problems.push('a javascript: link in the page');
	}
	return problems;
}
