/**
 * The people and data the fuzzer works with on its private server: one session per demo person
 * (logged in once each: login is throttled), a few stories so that every kind of id exists
 * (a guide request, a consent request, an invite code, a staff account, a message's PDF), and which pages each
 * person can open.
 */
import { pageForms, type PageForm } from './forms';
import { ANONYMOUS, getPage, logIn, send, type Session } from './http';
import { openDatabase } from './server';
import { routeParams, routePath } from './discover';

/** A young person with a guide, one under the self-consent age without, their parents, staff. */
export const PEOPLE = ['freja', 'noah', 'karen', 'peter', 'mette', 'ali', 'lone'] as const;

export interface World {
	baseURL: string;
	databasePath: string;
	sessions: Session[];
	ids: Record<string, string>;
	inviteCode: string;
	/** A staff account lone made, for the administration's pages ([userId]). */
	staffId: string;
	/** The usernames of the young people among PEOPLE. */
	youth: string[];
	/** Real ids and values from the database: values for fields no rendered form shows. */
	pool: string[];
	/** The database's snake_case table names: they must never reach a user. */
	tables: string[];
}

function query<T>(databasePath: string, sql: string): T[] {
	const db = openDatabase(databasePath);
	try {
		return db.prepare(sql).all() as T[];
	} finally {
		db.close();
	}
}

/** Posts a form the way `use:enhance` does and fails unless the action succeeded. */
async function act(baseURL: string, session: Session, path: string, fields: Record<string, string>): Promise<string> {
	const answer = await send(baseURL, session, {
		method: 'POST',
		path,
		headers: {
			origin: baseURL,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields).toString()
	});
	if (answer.status !== 200 || !answer.text.includes('"type":"success"')) {
		throw new Error(`${session.name} ${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
	}
	return answer.text;
}

export async function buildWorld(baseURL: string, databasePath: string): Promise<World> {
	const sessions = [ANONYMOUS];
	for (const name of PEOPLE) sessions.push(await logIn(baseURL, name));
	const as = (name: string) => sessions.find((s) => s.name === name)!;
	const users = query<{ username: string; id: string; role: string }>(databasePath, 'select username, id, role from users');
	const ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
	const youth = users.filter((u) => u.role === 'youth').map((u) => u.username);

	// Stories, so that the pages show forms with real ids on them.
	await act(baseURL, as('noah'), '/guide?/pick', { guideId: ids.mette!, reason: 'Hun virker rar' });
	await act(baseURL, as('mette'), `/staff/youth/${ids.freja}/consent?/ask`, {
		department: 'family',
		message: 'Må vi tale med familieafdelingen?'
	});
	const invite = await act(baseURL, as('mette'), '/staff/invites?/create', {
		role: 'youth',
		displayName: 'Fuzz Person',
		birthDate: '2010-05-05'
	});
	const inviteCode = /\/invite\/([A-Za-z0-9_-]+)/.exec(invite)?.[1];
	if (!inviteCode) throw new Error(`No invite link in ${invite}`);
	// A staff account of the fuzzer's own for the administration's pages ([userId]).
	await act(baseURL, as('lone'), '/staff/admin/new?/create', {
		role: 'guide',
		department: '',
		displayName: 'Fuzz Guide',
		title: 'Guide',
		workplace: 'Ungeenheden',
		languages: 'dansk',
		capacity: '5',
		signIn: 'code',
		externalLogin: ''
	});
	const staffId = query<{ id: string }>(databasePath, "select id from users where display_name = 'Fuzz Guide'")[0]?.id;
	if (!staffId) throw new Error('The fuzzer’s staff account was not made');
	// Freja sends mette a PDF, as the app's script sends a file ([id] of /api/attachments/[id]).
	const boundary = 'fuzz-world-boundary';
	const part = (name: string, value: string, file = '') =>
		`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: application/pdf` : ''}\r\n\r\n${value}\r\n`;
	const pdf = '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n';
	const sent = await send(baseURL, as('freja'), {
		method: 'POST',
		path: '/api/messages',
		headers: { origin: baseURL, accept: 'application/json', 'content-type': `multipart/form-data; boundary=${boundary}` },
		body: part('clientId', 'fuzz-world-attachment') + part('body', 'Min plan') + part('file', pdf, 'plan.pdf') + `--${boundary}--\r\n`
	});
	if (sent.status !== 201) throw new Error(`freja /api/messages with a PDF: ${sent.status} ${sent.text.slice(0, 300)}`);

	const tables = query<{ name: string }>(databasePath, "select name from sqlite_master where type = 'table'")
		.map((t) => t.name)
		.filter((name) => name.includes('_') && !name.startsWith('sqlite_'));
	const pool = new Set<string>(Object.values(ids));
	for (const table of [
		'plan_steps',
		'meetings',
		'guide_requests',
		'consent_records',
		'consent_requests',
		'message_threads',
		'checkins',
		'plans',
		'message_attachments'
	]) {
		for (const row of query<{ id: string }>(databasePath, `select id from ${table} limit 20`)) pool.add(String(row.id));
	}
	for (const extra of [
		'department:uu',
		'department:jobcenter',
		'department:family',
		`parent:${ids.karen}`,
		'uu',
		'youth',
		'parent',
		'1',
		'2',
		'3'
	]) {
		pool.add(extra);
	}
	return { baseURL, databasePath, sessions, ids, inviteCode, staffId, youth, pool: [...pool], tables };
}

/** The values a route parameter can take, from the database as it is now. */
export function paramCandidates(world: World, name: string): string[] {
	switch (name) {
		case 'youthId':
			// The young people among our people: every other person here is linked to one of them.
			return PEOPLE.filter((name) => world.youth.includes(name)).map((name) => world.ids[name]!);
		case 'requestId':
			return query<{ id: string }>(world.databasePath, 'select id from guide_requests order by created_at desc').map((r) => r.id);
		case 'code':
			return [world.inviteCode];
		case 'userId':
			return [world.staffId];
		case 'audience':
			// The sign-in providers (issue 19); none is configured in the fuzz run.
			return ['citizen', 'staff'];
		case 'id':
			return query<{ id: string }>(world.databasePath, 'select id from message_attachments').map((r) => r.id);
		case 'stepId':
			return query<{ id: string }>(world.databasePath, 'select id from plan_steps order by position limit 20').map((r) => r.id);
		case 'meetingId':
			return query<{ id: string }>(world.databasePath, 'select id from meetings where cancelled_at is null limit 20').map((r) => r.id);
		case 'version':
			// Approved plan versions (issue 21), and plan versions nobody approved (yet).
			return [
				...new Set([
					...query<{ version: number }>(world.databasePath, 'select version from plan_approvals limit 20').map((r) => String(r.version)),
					...query<{ version: number }>(world.databasePath, 'select distinct version from plans limit 20').map((r) => String(r.version))
				])
			];
		default:
			throw new Error(`The fuzzer has no values for the route parameter [${name}]: add them in tests/fuzz/world.ts`);
	}
}

/**
 * The addresses of a route with parameters, for the endpoints: every value the database has for
 * them, and for an attachment also ids that are not one (another person's row, a path).
 */
export function endpointPaths(world: World, routeId: string): string[] {
	const paths = combinations(world, routeId).map((params) => routePath(routeId, params));
	if (routeParams(routeId).includes('id')) {
		for (const id of ['aaaaaaaaaaaaaaaaaaaaaaaa', '../../etc/passwd', world.ids.freja!]) paths.push(routePath(routeId, { id }));
	}
	return paths;
}

function combinations(world: World, routeId: string): Record<string, string>[] {
	let all: Record<string, string>[] = [{}];
	for (const name of routeParams(routeId)) {
		all = all.flatMap((params) => paramCandidates(world, name).map((value) => ({ ...params, [name]: value })));
	}
	return all;
}

/** Someone who can open a page, the address they opened and the forms it showed them. */
export interface Reach {
	session: string;
	params: Record<string, string>;
	path: string;
	forms: PageForm[];
}

/** For each session: the first filling of the route's parameters whose page answers 200 for it. */
export async function reachable(world: World, routeId: string): Promise<Reach[]> {
	const found = await Promise.all(
		world.sessions.map(async (session) => {
			for (const params of combinations(world, routeId)) {
				const path = routePath(routeId, params);
				const page = await getPage(world.baseURL, session, path);
				if (page.status === 200) return { session: session.name, params, path, forms: pageForms(page.text) };
			}
			return null;
		})
	);
	return found.filter((r): r is Reach => r !== null);
}
