/**
 * Bad input (issue 9): property-based fuzzing (fast-check) of every form action and endpoint found
 * under src/routes, sent by the people who can use them, against a private server on a fresh
 * temporary database. No answer is a 5xx or shows internals; stored payloads render inert in a
 * real browser; the database is sound afterwards. A failure prints fast-check's seed and path
 * (replay with FUZZ_SEED=<seed>) and the case that failed.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { actionCases, describeCase, endpointCases, endsAllSessions, toRequest, type Case } from './fuzz/cases';
import { leakPatterns, problemsOf } from './fuzz/checks';
import { discoverPages, discoverTargets, type Target } from './fuzz/discover';
import { ANONYMOUS, getPage, logIn, send, type RawRequest } from './fuzz/http';
import { findInjected, showsPayloadAsText } from './fuzz/inert';
import { HIT, SCRIPT_PAYLOADS, urlEncode } from './fuzz/inputs';
import { fieldsFor, PLAIN_TEXT } from './fuzz/forms';
import {
	checkDatabase,
	openDatabase,
	ownPort,
	removeDatabase,
	startServer,
	stopServer,
	tempDatabasePath,
	type Server
} from './fuzz/server';
import { buildWorld, reachable, type Reach, type World } from './fuzz/world';

/** Inputs per action or endpoint method (FUZZ_RUNS to change); login fails count towards its throttle. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const LOGIN_RUNS = Math.min(RUNS, 25);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** adapter-node's default BODY_SIZE_LIMIT (512K): larger bodies are refused, perhaps mid-upload. */
const BODY_SIZE_LIMIT = 512 * 1024;
/** Node's limit on the request line and headers together (16 KiB): a larger request is refused at once. */
const HEADER_SIZE_LIMIT = 16 * 1024;
const headerSize = (r: RawRequest) => r.path.length + Object.entries(r.headers ?? {}).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
/** The payload put into every text field of every form once. */
const PLANTED = SCRIPT_PAYLOADS[1]!;
const bodySize = (body: string | Uint8Array | undefined) => (typeof body === 'string' ? Buffer.byteLength(body) : (body?.length ?? 0));

const targets = discoverTargets();
const label = (t: Target) => (t.kind === 'action' ? `${t.routeId} ?/${t.name}` : `${t.method} ${t.routeId}`);

let server: Server | undefined;
let database: { dir: string; path: string };
let world: World;
const reach = new Map<string, Reach[]>();
/** Per action or endpoint: inputs sent by each person, and the answers (status, or kind:status for an enhanced form post). */
const counts = new Map<string, { who: Map<string, number>; outcomes: Map<string, number> }>();
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const list = (map: Map<string, number>) => [...map].map(([key, n]) => `${key} ${n}`).join(', ');
let logMark = 0;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	const setUpStarted = Date.now();
	database = tempDatabasePath('fuzz');
	server = await startServer(await ownPort(1), database.path);
	world = await buildWorld(server.baseURL, database.path);
	const routes = [...new Set([...discoverPages(), ...targets.filter((t) => t.kind === 'action').map((t) => t.routeId)])];
	await Promise.all(routes.map(async (routeId) => reach.set(routeId, await reachable(world, routeId))));
	console.log(`Set-up: server started in ${server.startupMs} ms, people and pages ready after ${Date.now() - setUpStarted} ms`);
	logMark = server.output().length;
});

test.afterAll(async () => {
	await stopServer(server, 'SIGKILL');
	if (database) removeDatabase(database.dir);
	const lines = [...counts].map(([name, { who, outcomes }]) => `${name}: ${list(who)} | ${list(outcomes)}`);
	console.log(`Fuzzed inputs per action and endpoint (runs ${RUNS}):\n  ${lines.join('\n  ')}`);
});

test('bugs the fuzzer found stay fixed: unreadable form bodies, unread bodies, overlong return addresses', async () => {
	const freja = world.sessions.find((s) => s.name === 'freja')!;
	const post = (path: string, contentType: string, body: string, session = freja) =>
		send(world.baseURL, session, {
			method: 'POST',
			path,
			headers: { origin: world.baseURL, accept: 'text/html', 'content-type': contentType },
			body
		});
	// A form post whose body is no form: 400, not 500.
	expect((await post('/plan?/propose', 'multipart/form-data', 'title=x')).status).toBe(400);
	expect((await post('/plan?/propose', 'multipart/form-data; boundary=abc', '--abc\r\nbroken')).status).toBe(400);
	expect((await post('/consent?/give', 'text/plain', 'recipient=department:uu')).status).toBe(400);
	expect((await post('/language', 'application/json', '{"locale":"en"}')).status).toBe(400);
	// A body refused unread does not reset the next request on the same kept-alive connection
	// (fetch, like a browser, reuses the connection at once).
	const get = () => fetch(`${world.baseURL}/plan`, { headers: { cookie: freja.cookie } }).then((r) => r.status);
	for (let i = 0; i < 3; i++) {
		const refused = await fetch(`${world.baseURL}/consent?/give`, {
			method: 'POST',
			headers: { origin: world.baseURL, cookie: freja.cookie, 'content-type': 'application/xml' },
			body: 'x'.repeat(300_000)
		});
		expect(refused.status).toBe(415);
		await refused.text();
		expect([await get(), await get()]).toEqual([200, 200]);
	}
	// Not logged in: back to the page after login, unless its address is far too long to keep.
	expect((await getPage(world.baseURL, ANONYMOUS, '/plan?x=1')).location).toBe('/login?next=%2Fplan%3Fx%3D1');
	expect((await getPage(world.baseURL, ANONYMOUS, `/plan?x=${'y'.repeat(3000)}`)).location).toBe('/login');
});

test('every action and endpoint under src/routes is found, and someone can reach each action', () => {
	expect(targets.filter((t) => t.kind === 'action').length).toBeGreaterThan(40);
	expect(targets.filter((t) => t.kind === 'endpoint').map(label)).toEqual(
		expect.arrayContaining(['POST /api/messages', 'POST /api/messages/read'])
	);
	const unreachable = targets.filter((t) => t.kind === 'action' && !reach.get(t.routeId)?.length).map(label);
	expect(unreachable, 'actions whose page nobody can open').toEqual([]);
});

for (const target of targets) {
	test(`fuzz ${label(target)}`, async () => {
		test.setTimeout(60_000);
		const patterns = leakPatterns(process.cwd(), world.tables);
		const cases: fc.Arbitrary<Case> =
			target.kind === 'action' ? actionCases(target, reach.get(target.routeId)!, world) : endpointCases(target, world);
		const tally = { who: new Map<string, number>(), outcomes: new Map<string, number>() };
		counts.set(label(target), tally);
		const numRuns = target.kind === 'action' && target.routeId === '/login' ? LOGIN_RUNS : RUNS;
		await fc.assert(
			fc.asyncProperty(cases, async (c) => {
				// "Log out everywhere" is sent with a session made for the case (the world's is logged in again after).
				const session =
					endsAllSessions(target) && c.session !== ANONYMOUS.name
						? await logIn(world.baseURL, c.session)
						: world.sessions.find((s) => s.name === c.session)!;
				const request = toRequest(c, world.baseURL);
				bump(tally.who, c.session);
				const answer = await send(world.baseURL, session, request).catch(async (e: unknown) => {
					// A request over a size limit may be cut off by the server before it is all sent.
					if (bodySize(request.body) <= BODY_SIZE_LIMIT && headerSize(request) <= HEADER_SIZE_LIMIT) throw e;
					expect((await fetch(`${world.baseURL}/healthz`)).status, 'the server lives on').toBe(200);
					return null;
				});
				if (!answer) return void bump(tally.outcomes, 'cut off');
				const enhanced = /^\{"type":"(\w+)","status":(\d+)/.exec(answer.text);
				bump(tally.outcomes, enhanced ? `${enhanced[1]}:${enhanced[2]}` : String(answer.status));
				const problems = problemsOf(answer, patterns);
				if (problems.length) throw new Error(`${answer.status} ${problems.join('\n')}\nfor ${describeCase(c)}`);
			}),
			{ numRuns, seed: SEED }
		);
		// "Log out everywhere" ended the world's sessions of whoever sent it, too: log them in again.
		if (endsAllSessions(target)) {
			for (const s of world.sessions) if (s.name !== ANONYMOUS.name) Object.assign(s, await logIn(world.baseURL, s.name));
		}
		// Errors the server only logged (background work, streams) count too.
		const log = server!.output().slice(logMark);
		logMark = server!.output().length;
		expect(log.match(/^\[[0-9a-f]{8}\].*$/gm) ?? [], `server errors:\n${log}`).toEqual([]);
	});
}

test('stored payloads render as inert text on every page each person can open', async ({ browser }) => {
	test.setTimeout(120_000);
	// The detector finds an injection when there is one.
	const probe = await browser.newPage();
	await probe.setContent(`<p>x</p><img src="data:," onerror="window.${HIT}=1"><a href="javascript:void 0">y</a>`);
	expect((await findInjected(probe)).length).toBeGreaterThan(1);
	await probe.close();

	const findings: string[] = [];
	const dialogs: string[] = [];
	let shownAsText = 0;
	let visited = 0;
	const url = new URL(world.baseURL);
	const patterns = leakPatterns(process.cwd(), world.tables);
	// Besides what the fuzzing stored: every form once as a person fills it, a payload in each text field.
	let planted = 0;
	for (const target of targets) {
		if (target.kind !== 'action' || target.routeId === '/login' || endsAllSessions(target)) continue;
		for (const r of reach.get(target.routeId) ?? []) {
			const fields = fieldsFor(r.forms, target.name);
			if (!fields.size) continue;
			const body = urlEncode([...fields].map(([name, values]) => [name, values.includes(PLAIN_TEXT) ? PLANTED : values[0]!] as const));
			const answer = await send(
				world.baseURL,
				world.sessions.find((x) => x.name === r.session)!,
				{
					method: 'POST',
					path: `${r.path}${target.name === 'default' ? '' : `?/${target.name}`}`,
					headers: {
						origin: world.baseURL,
						accept: 'application/json',
						'x-sveltekit-action': 'true',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body
				}
			);
			expect(answer.status, `${label(target)} as ${r.session}`).toBeLessThan(500);
			if (answer.text.startsWith('{"type":"success"') || answer.text.startsWith('{"type":"redirect"')) planted++;
			else if (process.env.FUZZ_DEBUG) console.log('planting', label(target), r.session, answer.status, answer.text.slice(0, 200));
		}
	}
	// Every page each person can open, as its HTML now; those that hold a payload go to the browser.
	const opened = [...reach.values()].flat();
	const withPayload: Reach[] = [];
	await Promise.all(
		opened.map(async (r) => {
			const page = await getPage(
				world.baseURL,
				world.sessions.find((s) => s.name === r.session)!,
				r.path
			);
			for (const p of problemsOf(page, patterns)) findings.push(`${r.path} as ${r.session}: ${p}`);
			if (page.text.includes(HIT)) withPayload.push(r);
		})
	);
	const bySession = new Map<string, Reach[]>();
	for (const r of withPayload) bySession.set(r.session, [...(bySession.get(r.session) ?? []), r]);
	for (const [name, pages] of bySession) {
		const session = world.sessions.find((s) => s.name === name)!;
		const context = await browser.newContext({ serviceWorkers: 'block' });
		if (session.cookie) {
			const [cookie, value] = session.cookie.split(/=(.*)/s) as [string, string];
			await context.addCookies([{ name: cookie, value, domain: url.hostname, path: '/' }]);
		}
		const page = await context.newPage();
		page.on('dialog', (d) => {
			dialogs.push(`${page.url()} as ${name}: ${d.message()}`);
			void d.dismiss();
		});
		for (const r of pages) {
			await page.goto(world.baseURL + r.path, { waitUntil: 'load' });
			await page.waitForTimeout(100);
			for (const f of await findInjected(page)) findings.push(`${r.path} as ${name}: ${f}`);
			if (await showsPayloadAsText(page)) shownAsText++;
			visited++;
		}
		await context.close();
	}
	console.log(`Forms sent with a payload in every text field: ${planted} accepted`);
	console.log(`Pages opened: ${opened.length} as HTML, ${visited} with a stored payload in the browser (${shownAsText} show one as text)`);
	expect(findings).toEqual([]);
	expect(dialogs).toEqual([]);
	expect(shownAsText, 'pages that show a stored payload as text').toBeGreaterThan(0);
});

test('the database passes integrity_check and foreign_key_check after the fuzzing', async () => {
	// The payloads were stored somewhere (so the page check above had something to check).
	const db = openDatabase(database.path);
	const stored: string[] = [];
	for (const { name } of db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]) {
		for (const column of db.pragma(`table_info("${name}")`) as { name: string; type: string }[]) {
			if (column.type.toLowerCase() !== 'text') continue;
			const { n } = db.prepare(`select count(*) as n from "${name}" where "${column.name}" like '%${HIT}%'`).get() as { n: number };
			if (n) stored.push(`${name}.${column.name}: ${n}`);
		}
	}
	db.close();
	console.log(`Rows holding a payload: ${stored.join(', ')}`);
	expect(stored.length, 'columns with a stored payload').toBeGreaterThan(0);
	await stopServer(server);
	const { integrity, foreignKeys } = checkDatabase(database.path);
	expect(integrity).toEqual(['ok']);
	expect(foreignKeys).toEqual([]);
});
