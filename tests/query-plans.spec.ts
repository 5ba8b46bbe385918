import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO_PASSWORD } from './helpers';
import { startServer, type AppServer } from './access/server';

/**
 * Cost that does not grow with the municipality (issue 23): no page a young person, a parent, a
 * guide or a caseworker opens reads a whole table that grows with the number of young people.
 * The server prints every statement it runs (COUNT_STATEMENTS=log); each one's query plan is then
 * asked of the same database, and a plan step `SCAN <table>` (every row, or every entry of an
 * index) of such a table is a failure. On the demo database a scan costs nothing, so only the
 * plan shows it; on the 100,000-young-people bench one such scan cost `/plan` 12 ms (a young
 * person's guide assignments, looked up without an index on youth_id), and counting every guide's
 * young people for the directory on /guide cost about 15 ms (now stored: db/guide-loads.ts).
 *
 * Tables the size of the staff or smaller may be scanned: settings, guides' profiles, the push
 * keys. The coordinator's list of every young person reads `caseload_index`, the table made for
 * it, in the chosen order (its count and ordered page are scans by design); the yearly outcome
 * report reads the whole year and is left out.
 */
const SMALL_TABLES = new Set(['settings', 'guide_profiles', 'vapid_keys']);

const PAGES: { who: string; paths: (ids: Ids) => string[]; alsoAllowed?: string[] }[] = [
	{ who: 'freja', paths: () => ['/', '/plan', '/messages', '/guide', '/consent', '/privacy', '/profile', '/checkin'] },
	{ who: 'karen', paths: (id) => ['/parent', `/parent/${id.freja}`, `/parent/${id.freja}/guide`, `/parent/${id.freja}/consent`] },
	{
		who: 'mette',
		paths: (id) => ['/staff', '/staff/messages', `/staff/messages/${id.freja}`, `/staff/youth/${id.freja}`, '/staff/profile']
	},
	{ who: 'ali', paths: (id) => ['/staff', `/staff/youth/${id.freja}`] },
	{ who: 'lone', paths: () => ['/staff', '/staff/requests', '/staff/messages', '/staff/admin'], alsoAllowed: ['caseload_index'] }
];

type Ids = Record<string, string>;

let server: AppServer;
const contexts: APIRequestContext[] = [];

test.beforeAll(async () => {
	server = await startServer({ name: 'query-plans', env: { COUNT_STATEMENTS: 'log' } });
});

test.afterAll(async () => {
	for (const context of contexts) await context.dispose();
	await server?.stop();
});

async function signIn(who: string): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({
		baseURL: server.baseURL,
		extraHTTPHeaders: { origin: server.origin, accept: 'text/html' }
	});
	contexts.push(context);
	const res = await context.post('/login', { form: { username: who, password: DEMO_PASSWORD }, maxRedirects: 0 });
	expect(res.status(), `${who} is let in`).toBe(303);
	return context;
}

/** The statements the server printed since `from` (an offset into its output). */
function statementsSince(from: number): string[] {
	return [
		...server
			.output()
			.slice(from)
			.matchAll(/^\[sql \d+\] (.*)$/gm)
	].map((m) => m[1]!);
}

/** The plan steps that read a growing table whole (`SCAN t`, also `SCAN t USING … INDEX`). */
function scansIn(database: Database.Database, statement: string, allowed: Set<string>): string[] {
	const plan = database.prepare(`explain query plan ${statement}`).all() as { detail: string }[];
	return plan
		.map((step) => step.detail)
		.filter((detail) => {
			const table = detail.match(/^SCAN (\S+)/)?.[1];
			// json_each(...) lists, subqueries and CTEs show as SCAN of their alias or a virtual table.
			if (!table || /VIRTUAL TABLE|CONSTANT ROW|^SCAN (\(|subquery)/.test(detail)) return false;
			const name = statement.match(new RegExp(`(?:from|join)\\s+"?(\\w+)"?\\s+(?:as\\s+)?"?${table}"?\\b`, 'i'))?.[1] ?? table;
			return !SMALL_TABLES.has(name) && !allowed.has(name) && isTable(database, name);
		});
}

function isTable(database: Database.Database, name: string): boolean {
	return !!database.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(name);
}

test('no page reads every row of a table that grows with the municipality', async () => {
	const database = new Database(server.databasePath, { readonly: true, fileMustExist: true });
	try {
		const ids: Ids = Object.fromEntries(
			(database.prepare(`select username, id from users`).all() as { username: string; id: string }[]).map((u) => [u.username, u.id])
		);
		const found: string[] = [];
		let checked = 0;
		for (const { who, paths, alsoAllowed = [] } of PAGES) {
			const context = await signIn(who);
			for (const path of paths(ids)) {
				const from = server.output().length;
				const res = await context.get(path, { maxRedirects: 0 });
				expect(res.status(), `${who} opens ${path}`).toBe(200);
				await res.body();
				const statements = statementsSince(from);
				expect(statements.length, `the server printed the statements of ${path}`).toBeGreaterThan(0);
				for (const statement of new Set(statements)) {
					if (!/^\s*(select|with|update|delete|insert)/i.test(statement)) continue;
					checked++;
					for (const scan of scansIn(database, statement, new Set(alsoAllowed)))
						found.push(`${path} as ${who}: ${scan}\n    ${statement.slice(0, 300)}`);
				}
			}
		}
		console.log(`${checked} statements' plans checked`);
		expect(found, found.join('\n')).toEqual([]);
	} finally {
		database.close();
	}
});

test('the check sees a scan when there is one', async () => {
	// The same check on statements known to scan: the test above cannot pass by seeing nothing.
	const database = new Database(server.databasePath, { readonly: true, fileMustExist: true });
	try {
		expect(scansIn(database, `select * from messages where body = 'x'`, new Set())).toEqual(['SCAN messages']);
		expect(scansIn(database, `select count(*) from guide_assignments g where g.ended_at is null`, new Set())).toHaveLength(1);
		expect(scansIn(database, `select * from settings`, new Set())).toEqual([]);
		expect(scansIn(database, `select * from users where id = 'x'`, new Set())).toEqual([]);
	} finally {
		database.close();
	}
});
