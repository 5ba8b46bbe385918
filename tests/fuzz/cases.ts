/**
 * One fuzz case per request: who sends it, where, how it is encoded and what is in it; built by
 * fast-check from the real forms (actions) or the known fields (endpoints), and turned into bytes.
 */
import fc from 'fast-check';
import type { ActionTarget, EndpointTarget } from './discover';
import { fieldsFor } from './forms';
import type { RawRequest } from './http';
import { extraHeaders, shortBadText, formEntries, headerText, jsonBody, multipart, strangeName, urlEncode, type Entry } from './inputs';
import { endpointPaths, type Reach, type World } from './world';

export type Encoding = 'urlencoded' | 'multipart' | 'json' | 'text' | 'empty';

export interface Case {
	session: string;
	method: string;
	path: string;
	encoding: Encoding;
	contentType: string | null;
	enhanced: boolean;
	query: [string, string][];
	headers: Record<string, string>;
	entries: Entry[];
	json: string;
	/** For an anonymous request: a made-up session cookie. */
	fakeSession: string | null;
}

/**
 * Endpoints whose fields live in $lib (zod schemas), not in the route file: their names and some
 * plausible values, so that the fuzzer gets past "not an object". An endpoint missing here is
 * still fuzzed, with the names its own file mentions.
 */
const ENDPOINT_FIELDS: Record<string, Record<string, string[]>> = {
	'/api/messages': { clientId: ['fuzz-client-0001', 'fuzz-client-0002', 'fuzz-client-0003'], body: ['Hej'], youthId: [] },
	'/api/messages/read': { threadId: [], seq: ['0', '1', '2', '999999'] },
	'/api/push/subscription': {
		endpoint: ['https://fcm.googleapis.com/fcm/send/fuzz', 'https://updates.push.services.mozilla.com/wpush/v2/fuzz'],
		keys: [],
		locale: ['da', 'en']
	},
	'/api/events': { since: ['0', '1', '99999999'] },
	'/staff/outcomes/export': { from: ['2025-01-01', '2026-12-31'], to: ['2026-12-31', '2025-01-01'] },
	'/language': {
		locale: ['da', 'en'],
		next: ['/', '/plan', '//evil.example', 'https://evil.example', '/\\evil', '/\t/evil.example', '/\n/evil.example', '/\u2028/x']
	}
};

/** Endpoints that end the session they are called with: sent without one (and with made-up cookies). */
const SESSION_ENDING = new Set(['/logout']);

/**
 * Form actions that end every session of the person who sends them: each case is sent with a
 * session made for it, and the world's sessions are logged in again afterwards (tests/fuzz.spec.ts).
 */
const SESSION_ENDING_ACTIONS = new Set(['/settings/sessions ?/endAll']);

export const endsAllSessions = (target: ActionTarget | EndpointTarget) =>
	target.kind === 'action' && SESSION_ENDING_ACTIONS.has(`${target.routeId} ?/${target.name}`);

const encodings = (forJson: boolean) =>
	fc.oneof(
		{ weight: forJson ? 1 : 6, arbitrary: fc.constant<Encoding>('urlencoded') },
		{ weight: forJson ? 1 : 3, arbitrary: fc.constant<Encoding>('multipart') },
		{ weight: forJson ? 7 : 1, arbitrary: fc.constant<Encoding>('json') },
		{ weight: 1, arbitrary: fc.constant<Encoding>('text') },
		{ weight: 1, arbitrary: fc.constant<Encoding>('empty') }
	);

/** Now and then (1 in 8) a content type that does not match the body. */
const contentType = fc.oneof(
	{ weight: 7, arbitrary: fc.constant(null) },
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'application/json',
			'APPLICATION/JSON; charset=latin1',
			'text/plain',
			'application/x-www-form-urlencoded',
			'multipart/form-data',
			'application/xml',
			''
		)
	}
);

const query = fc.array(fc.tuple(fc.oneof(strangeName, fc.constantFrom('next', 'since', 'sort', 'from', 'to')), shortBadText), {
	maxLength: 2
});

const fakeSession = fc.option(
	fc.oneof(
		headerText.map((v) => v.replace(/[;,\s"\\]/g, '')),
		fc.constant('a.b'),
		fc.constant('x'.repeat(5000))
	),
	{
		freq: 2,
		nil: null
	}
);

function withValues(names: readonly string[], pool: readonly string[]): Map<string, readonly string[]> {
	return new Map(names.map((n) => [n, pool]));
}

/** Cases for a form action, sent by the people who can open its page, from the forms they saw. */
export function actionCases(target: ActionTarget, reach: Reach[], world: World): fc.Arbitrary<Case> {
	return printable(actionArbitrary(target, reach, world));
}

function actionArbitrary(target: ActionTarget, reach: Reach[], world: World): fc.Arbitrary<Case> {
	const suffix = target.name === 'default' ? '' : `?/${target.name}`;
	return fc.oneof(
		...reach.map((r) => {
			const seen = fieldsFor(r.forms, target.name);
			const fields = seen.size ? seen : withValues(target.sourceFields, world.pool);
			return fc.record({
				session: fc.constant(r.session),
				method: fc.constant('POST'),
				path: fc.constant(r.path + suffix),
				encoding: encodings(false),
				contentType,
				enhanced: fc.boolean(),
				query,
				headers: extraHeaders,
				entries: formEntries(fields, target.sourceFields),
				json: fc.constant(''),
				fakeSession: r.session === 'anonymous' ? fakeSession : fc.constant(null)
			});
		})
	);
}

/** Cases for an endpoint method, sent by everyone (or nobody, for one that ends the session). */
export function endpointCases(target: EndpointTarget, world: World): fc.Arbitrary<Case> {
	return printable(endpointArbitrary(target, world));
}

function endpointArbitrary(target: EndpointTarget, world: World): fc.Arbitrary<Case> {
	const known = ENDPOINT_FIELDS[target.routeId] ?? {};
	const names = [...new Set([...Object.keys(known), ...target.sourceFields])];
	const fields = new Map(names.map((n) => [n, [...(known[n] ?? []), ...world.pool]] as const));
	const sessions = SESSION_ENDING.has(target.routeId) ? ['anonymous'] : world.sessions.map((s) => s.name);
	const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(target.method);
	return fc.record({
		session: fc.constantFrom(...sessions),
		method: fc.constant(target.method),
		path: fc.constantFrom(...endpointPaths(world, target.routeId)),
		encoding: hasBody ? encodings(true) : fc.constant<Encoding>('empty'),
		contentType: hasBody ? contentType : fc.constant(null),
		enhanced: fc.constant(false),
		query,
		headers: extraHeaders,
		entries: formEntries(fields, target.sourceFields),
		json: hasBody ? jsonBody(fields, target.sourceFields) : fc.constant(''),
		fakeSession
	});
}

/** fast-check prints a counterexample with describeCase: 100 KB strings are cut short. */
function printable(cases: fc.Arbitrary<Case>): fc.Arbitrary<Case> {
	return cases.map((c) => Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) }));
}

const TYPES: Record<Encoding, string> = {
	urlencoded: 'application/x-www-form-urlencoded',
	multipart: 'multipart/form-data; boundary=',
	json: 'application/json',
	text: 'text/plain;charset=UTF-8',
	empty: 'application/x-www-form-urlencoded'
};

/** The request a case stands for, as bytes. */
export function toRequest(c: Case, baseURL: string): RawRequest {
	const boundary = '----minvejfuzz7MA4YWxkTrZu0gW';
	const isGet = c.method === 'GET' || c.method === 'HEAD';
	const params = isGet ? [...c.query, ...c.entries.map((e) => [e.name, e.value] as [string, string])] : c.query;
	const search = params.length ? urlEncode(params) : '';
	const path = search ? `${c.path}${c.path.includes('?') ? '&' : '?'}${search}` : c.path;
	const headers: Record<string, string> = {
		origin: baseURL,
		accept: c.enhanced ? 'application/json' : 'text/html,application/json;q=0.9,*/*;q=0.8',
		...(c.enhanced ? { 'x-sveltekit-action': 'true' } : {}),
		...c.headers
	};
	if (c.fakeSession !== null && c.session === 'anonymous')
		headers.cookie = [headers.cookie, `minvej_session=${c.fakeSession}`].filter(Boolean).join('; ');
	if (isGet) return { method: c.method, path, headers };
	headers['content-type'] = c.contentType ?? TYPES[c.encoding] + (c.encoding === 'multipart' ? boundary : '');
	const text = c.entries.map((e) => `${e.name}=${e.value}`).join('\n');
	const json = c.json || `{${c.entries.map((e) => `${JSON.stringify(e.name)}:${JSON.stringify(e.value)}`).join(',')}}`;
	const body =
		c.encoding === 'urlencoded'
			? urlEncode(c.entries.map((e) => [e.name, e.value] as const))
			: c.encoding === 'multipart'
				? multipart(c.entries, boundary)
				: c.encoding === 'json'
					? json
					: c.encoding === 'text'
						? text
						: undefined;
	return { method: c.method, path, headers, body };
}

/** A short description of a case for a failure message (long strings cut, odd characters escaped). */
export function describeCase(c: Case): string {
	const short = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 60)}…(${s.length} chars)` : s);
	const entries = c.entries.map((e) => `${short(e.name)}=${short(e.value)}${e.file ? ' (file)' : ''}`).join(', ');
	return `${c.method} ${c.path} as ${c.session} [${c.encoding}${c.contentType !== null ? ` as ${short(c.contentType)}` : ''}${c.enhanced ? ', enhanced' : ''}] query ${JSON.stringify(c.query.map(([k, v]) => `${short(k)}=${short(v)}`))} headers ${short(JSON.stringify(c.headers))} fields {${entries}}${c.json ? ` json ${short(c.json)}` : ''}${c.fakeSession !== null ? ` session cookie ${short(c.fakeSession)}` : ''}`;
}
