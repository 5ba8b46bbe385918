/**
 * Every read is logged (docs/product.md rule 6): each page and GET endpoint found under /staff and
 * /api (tests/access/discover.ts), asked by each staff role, must write an access_log row for every
 * young person whose data its answer carries, in that very request. Pages are asked twice: the HTML
 * and the `__data.json` SvelteKit's client loads when it navigates. The live event stream is read
 * for a moment, and must log each young person once per stream, not once per event.
 *
 * A young person's data is recognised by what the database holds about them after the set-up:
 * their display name and id, every message in their conversations, their check-in comments, their
 * guide request reasons and their plan's goal. A route under /staff or /api that this spec neither
 * asks nor explains in NOT_ASKED fails it by name, so a new staff route is covered the day it is
 * added.
 *
 * The spec starts its own server on a fresh demo database (tests/access/server.ts) and asks one
 * request at a time, so every new access_log row belongs to the request just answered.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { Client, type Reply } from './access/client';
import { discoverRoutes, type Target } from './access/discover';
import { ROLES, type Role } from './access/matrix';
import { startServer, type AppServer } from './access/server';
import { fill, logIn, prepare, type Demo } from './access/state';

/** The staff roles: freja's guide, another guide, a caseworker with her consent and one without, the coordinator. */
const STAFF = ['mette', 'jonas', 'ali', 'hanne', 'lone'] as const satisfies readonly Role[];
type Staff = (typeof STAFF)[number];

/**
 * The routes under /staff and /api that are not asked here, and why. Everything else found there
 * is asked as every staff role; a route that is neither fails the first test by name.
 */
const ACTION =
	'a form action: sent without JavaScript it answers with the page, whose load is asked here; with use:enhance it answers with its own result (what was sent, an error code or a notice) and the browser then loads __data.json, asked here';
const NOT_ASKED: Record<string, string> = {
	'POST /api/messages': 'a write: it answers with the message the sender wrote',
	'POST /api/messages/read': 'a write: it answers 204 without a body',
	'POST /api/push/subscription': "the device's own push subscription: no young person's data",
	'DELETE /api/push/subscription': "the device's own push subscription: no young person's data",
	'POST /staff/invites?/create': ACTION,
	'POST /staff/profile?/save': ACTION,
	'POST /staff/profile?/workingTime': ACTION,
	'POST /staff/settings?/save': ACTION,
	'POST /staff/messages?/markRead': ACTION,
	'POST /staff/messages/[youthId]?/send': ACTION,
	'POST /staff/messages/[youthId]?/markRead': ACTION,
	'POST /staff/requests/[requestId]?/approve': ACTION,
	'POST /staff/requests/[requestId]?/decline': ACTION,
	'POST /staff/requests/[requestId]?/suggest': ACTION,
	'POST /staff/youth/[youthId]?/createPlan': ACTION,
	'POST /staff/youth/[youthId]?/updateGoal': ACTION,
	'POST /staff/youth/[youthId]?/addStep': ACTION,
	'POST /staff/youth/[youthId]?/updateStep': ACTION,
	'POST /staff/youth/[youthId]?/acceptStep': ACTION,
	'POST /staff/youth/[youthId]?/declineStep': ACTION,
	'POST /staff/youth/[youthId]?/moveStep': ACTION,
	'POST /staff/youth/[youthId]?/removeStep': ACTION,
	'POST /staff/youth/[youthId]?/commentStep': ACTION,
	'POST /staff/youth/[youthId]?/markAgreed': ACTION,
	'POST /staff/youth/[youthId]?/unmarkAgreed': ACTION,
	'POST /staff/youth/[youthId]?/answerDispute': ACTION,
	'POST /staff/youth/[youthId]?/scheduleMeeting': ACTION,
	'POST /staff/youth/[youthId]?/cancelMeeting': ACTION,
	'POST /staff/youth/[youthId]/consent?/ask': ACTION,
	'POST /staff/youth/[youthId]/followup?/setRhythm': ACTION,
	'POST /staff/youth/[youthId]/followup?/stopRhythm': ACTION,
	'POST /staff/youth/[youthId]/followup?/setStatus': ACTION,
	'POST /staff/youth/[youthId]/followup?/followedUp': ACTION,
	'POST /staff/youth/[youthId]/followup?/meetDeadline': ACTION,
	'POST /staff/youth/[youthId]/sign-in?/newCode': ACTION,
	'POST /staff?/followedUp': ACTION,
	'POST /staff/admin/new?/create': ACTION,
	'POST /staff/admin/people/[userId]?/change': ACTION,
	'POST /staff/admin/people/[userId]?/code': ACTION,
	'POST /staff/admin/people/[userId]?/disable': ACTION,
	'POST /staff/admin/import?/check':
		"the dry run of an uploaded file: it answers with what the coordinator's own file says (rows, columns, errors, what would change), read from the file, not from a young person's record",
	'POST /staff/admin/import?/apply':
		'the import of a checked file: it answers with the counts and the sign-in codes of the people the file created, written by this very request from the coordinator’s own file'
};

/** The long-lived event stream: read for this long, then closed. */
const STREAMS = ['GET /api/events'];
const STREAM_READ_MS = 1_500;

/** Texts the set-up writes, each one a young person's data. */
const TEXT = {
	frejaMessage: 'Matrix: jeg er nervøs for samtalen på torsdag.',
	aminaMessage: 'Matrix: kan vi flytte mødet til næste uge?',
	noahMessage: 'Matrix: jeg har ingen guide endnu, hvem kan jeg skrive til?',
	noahReason: 'Matrix: jeg vil gerne have en guide, der kender FGU.',
	frejaCheckin: 'Matrix: praktikken går ikke så godt lige nu.'
};

let server: AppServer;
let db: Database.Database;
let clients: Record<Role | 'noah', Client>;
let demo: Demo;
let targets: Target[];

const inScope = (t: Target) => t.pattern === '/staff' || t.pattern.startsWith('/staff/') || t.pattern.startsWith('/api/');

test.beforeAll(async () => {
	test.setTimeout(90_000);
	server = await startServer();
	const names = [...ROLES, 'noah'] as const;
	clients = Object.fromEntries(
		await Promise.all(names.map(async (r) => [r, await Client.create(r, server.baseURL, server.origin)]))
	) as Record<Role | 'noah', Client>;
	await Promise.all(names.filter((r) => r !== 'anonymous').map((r) => logIn(clients[r], r)));
	demo = await prepare(clients, server.databasePath);
	db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
	await setUp();
	targets = discoverRoutes().filter(inScope);
});

test.afterAll(async () => {
	await Promise.all(Object.values(clients ?? {}).map((c) => c.dispose()));
	db?.close();
	await server?.stop();
});

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());

/**
 * What the staff will then read, done through the app by the people who would do it: messages in
 * three conversations (freja–mette, amina–jonas, noah–the youth unit), a guide request from noah
 * (who has no plan), and a low check-in answer with a comment from freja (a flag on mette's list).
 */
async function setUp() {
	const ok = (reply: Reply, what: string) => expect(reply.effective, `${what}: ${reply.body.slice(0, 300)}`).toBeLessThan(400);
	const form = (who: Role | 'noah', url: string, body: Record<string, string>) => clients[who].send('POST', url, body, { enhanced: true });
	const message = (who: Role | 'noah', body: string) =>
		clients[who].send(
			'POST',
			'/api/messages',
			{ clientId: randomUUID(), body },
			{ encoding: 'json', headers: { accept: 'application/json' } }
		);

	ok(await message('freja', TEXT.frejaMessage), 'freja writes to mette');
	ok(await message('amina', TEXT.aminaMessage), 'amina writes to jonas');
	ok(await message('noah', TEXT.noahMessage), 'noah writes to the youth unit');
	ok(await form('noah', '/guide?/pick', { guideId: demo.users.jonas, reason: TEXT.noahReason }), 'noah asks for jonas');
	ok(
		await form('mette', `/staff/youth/${demo.users.freja}/followup?/setRhythm`, { intervalDays: '7', startsOn: today(), months: '' }),
		'mette sets a rhythm for freja'
	);
	const checkinId = db
		.prepare('select id from checkins where youth_id = ? and answered_at is null')
		.pluck()
		.get(demo.users.freja) as string;
	expect(checkinId, "freja's check-in due today").toBeTruthy();
	ok(await form('freja', '/checkin?/answer', { checkinId, score: '2', comment: TEXT.frejaCheckin }), 'freja answers low');
}

interface YoungPerson {
	id: string;
	name: string;
	/** Texts that are this young person's data; any one of them in an answer is a read. */
	marks: string[];
}

/** Every young person and what marks their data, read from the database as it is now. */
function youngPeople(): YoungPerson[] {
	const people = db.prepare("select id, display_name as name from users where role = 'youth'").all() as { id: string; name: string }[];
	const texts = (sql: string) => db.prepare(sql).all() as { youthId: string; text: string | null }[];
	const owned = [
		...texts('select t.youth_id as youthId, m.body as text from messages m join message_threads t on t.id = m.thread_id'),
		...texts('select youth_id as youthId, comment as text from checkins'),
		...texts('select youth_id as youthId, reason as text from guide_requests'),
		...texts('select youth_id as youthId, goal_text as text from plans')
	];
	return people.map((p) => ({
		...p,
		// Short texts could turn up anywhere; the set-up's and the seed's are all long.
		marks: [p.name, p.id, ...owned.filter((o) => o.youthId === p.id && o.text && o.text.length >= 20).map((o) => o.text!)]
	}));
}

/** The ways a text can appear in an answer: as it is, escaped for HTML, escaped for JSON. */
function spellings(text: string): string[] {
	const html = text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
	const json = JSON.stringify(text).slice(1, -1);
	return [...new Set([text, html, json])];
}

/**
 * The young people whose data the body carries, with the text that gave each away. An id in the
 * address asked is the asker's own words (a refusal may echo it), not a read.
 */
function sightings(body: string, url: string, people: YoungPerson[]): Map<string, string> {
	const seen = new Map<string, string>();
	for (const p of people) {
		const mark = p.marks.find((m) => !url.includes(m) && spellings(m).some((s) => body.includes(s)));
		if (mark) seen.set(p.id, mark);
	}
	return seen;
}

const lastRow = () => (db.prepare('select coalesce(max(rowid), 0) from access_log').pluck().get() as number) ?? 0;

/** The access_log rows written after `since` (by rowid) for this actor. */
function rowsSince(since: number, actorId: string) {
	return db.prepare('select youth_id as youthId, resource from access_log where rowid > ? and actor_id = ?').all(since, actorId) as {
		youthId: string;
		resource: string;
	}[];
}

/** Reads the endless event stream for a moment, then closes it: its text so far. */
async function readStream(url: string, cookie: string): Promise<{ status: number; body: string }> {
	const abort = new AbortController();
	const response = await fetch(new URL(url, server.baseURL), {
		headers: { cookie, accept: 'text/event-stream' },
		redirect: 'manual',
		signal: abort.signal
	});
	if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
		return { status: response.status, body: await response.text() };
	}
	const timer = setTimeout(() => abort.abort(), STREAM_READ_MS);
	const decoder = new TextDecoder();
	let body = '';
	try {
		for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) body += decoder.decode(chunk, { stream: true });
	} catch {
		// Closed by the timer.
	} finally {
		clearTimeout(timer);
	}
	return { status: response.status, body };
}

/** Every address a target is asked at: each young person for [youthId], each guide request for [requestId]. */
function addresses(target: Target): string[] {
	const values: Record<string, string[]> = {
		youthId: (db.prepare("select id from users where role = 'youth'").pluck().all() as string[]).sort(),
		requestId: (db.prepare('select id from guide_requests order by created_at').pluck().all() as string[]).sort()
	};
	let urls = [target.pattern];
	for (const name of target.pattern.match(/\[([^\]]+)\]/g)?.map((p) => p.slice(1, -1)) ?? []) {
		const list = values[name] ?? [demo.params[name]!];
		urls = urls.flatMap((u) => list.map((v) => fill(u, { ...demo.params, [name]: v })));
	}
	return urls.map((u) => fill(u, demo.params));
}

test('every page and endpoint under /staff and /api is asked here, or NOT_ASKED says why not', () => {
	const keys = targets.map((t) => t.key);
	const problems = [
		...targets
			.filter((t) => t.method !== 'GET' && !NOT_ASKED[t.key])
			.map((t) => `${t.key} (${t.file}) is neither asked by tests/access-log.spec.ts nor explained in its NOT_ASKED`),
		...Object.keys(NOT_ASKED)
			.filter((k) => !keys.includes(k))
			.map((k) => `${k} is in NOT_ASKED of tests/access-log.spec.ts but no longer in src/routes`),
		...targets.filter((t) => t.method === 'GET' && NOT_ASKED[t.key]).map((t) => `${t.key} is a read: it must be asked, not explained away`)
	];
	expect(problems, problems.join('\n')).toEqual([]);
	expect(targets.filter((t) => t.method === 'GET').length).toBeGreaterThan(10);
});

test("every answer that carries a young person's data, to any staff role, wrote that read to the access log", async () => {
	test.setTimeout(180_000);
	const people = youngPeople();
	const nameOf = new Map(people.map((p) => [p.id, p.name]));
	const problems: string[] = [];
	const record: string[] = [];
	let reads = 0;
	let asked = 0;

	const check = async (role: Staff, url: string, ask: () => Promise<{ status: number; body: string }>, stream = false) => {
		const before = lastRow();
		const reply = await ask();
		asked++;
		if (reply.status >= 500) problems.push(`${url} as ${role}: a server error ${reply.status}`);
		const rows = rowsSince(before, demo.users[role]);
		const logged = new Set(rows.map((r) => r.youthId));
		for (const [youthId, mark] of sightings(reply.body, url, people)) {
			reads++;
			record.push(
				`${role}\t${url}\t${nameOf.get(youthId)}\t${
					logged.has(youthId)
						? rows
								.filter((r) => r.youthId === youthId)
								.map((r) => r.resource)
								.join(',')
						: 'NOT LOGGED'
				}`
			);
			if (!logged.has(youthId))
				problems.push(
					`${url} as ${role} (${reply.status}) shows ${nameOf.get(youthId)}'s data ("${mark.slice(0, 60)}") but logged no read of it`
				);
		}
		if (stream) {
			// Once per young person per stream, not once per event.
			for (const youthId of logged) {
				const n = rows.filter((r) => r.youthId === youthId).length;
				if (n > 1) problems.push(`${url} as ${role} logged ${n} reads of ${nameOf.get(youthId)} in one stream`);
			}
		}
	};

	for (const role of STAFF) {
		const client = clients[role];
		for (const target of targets.filter((t) => t.method === 'GET')) {
			for (const url of addresses(target)) {
				if (STREAMS.includes(target.key)) {
					const cookie = await client.cookieHeader();
					await check(role, `${url}?since=0`, () => readStream(`${url}?since=0`, cookie), true);
					continue;
				}
				await check(role, url, () => client.get(url));
				if (target.kind === 'page') {
					const data = `${url.replace(/\/$/, '')}/__data.json`;
					await check(role, data, () => client.get(data));
				}
			}
		}
	}
	await test
		.info()
		.attach('reads seen (role, address, young person, logged as)', { body: record.sort().join('\n'), contentType: 'text/plain' });
	// The spec sees what it should: every staff role's own young people, on many pages.
	expect(asked).toBeGreaterThan(200);
	expect(reads).toBeGreaterThan(60);
	expect(problems.length, `${problems.length} unlogged read(s):\n${problems.slice(0, 80).join('\n')}`).toBe(0);
});
