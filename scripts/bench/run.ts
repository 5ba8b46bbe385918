/**
 * `npm run bench`: the built server on a large municipality's database (see generate.ts),
 * measured with autocannon and our own timers, beside this machine's plain Node HTTP server.
 *
 *   npm run bench [-- --fresh] [-- --check] [-- --only=plan,staff,coordinator,inbox,send,streams,ceiling]
 *   npm run bench -- --quick     (the demo database, under a minute: see quick.ts)
 *
 * Environment: BENCH_DURATION (s per load, default 10), BENCH_CONNECTIONS (default 10),
 * BENCH_STREAMS (default 1000), BENCH_SENDS (default 300), BENCH_SCALE (default 1), BENCH_PORT
 * (default 4532; the ceiling uses the next port).
 * The run works on a copy of the cached database (data/bench-run.db), so every run starts alike.
 */
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { execSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { BENCH_DB, BENCH_PASSWORD, SCALE } from './common';
import { ensureBenchDatabase } from './generate';
import { prepareCast } from './accounts';
import { logIn, startBuiltServer } from './server';
import { LOAD, measure, type LoadResult, type LoadTarget } from './load';
import { measureStreams, type StreamResult } from './streams';
import { startCeiling } from './ceiling';
import { runQuickBench } from './quick';

const args = process.argv.slice(2);
if (args.includes('--quick')) {
	await runQuickBench();
	process.exit(0);
}
const only = args
	.find((a) => a.startsWith('--only='))
	?.slice(7)
	.split(',');
const wants = (part: string) => !only || only.includes(part);
const PORT = Number(process.env.BENCH_PORT ?? 4532);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const SENDS = Number(process.env.BENCH_SENDS ?? 300);
const RUN_DB = BENCH_DB.replace(/\.db$/, '-run.db');
/**
 * The coordinator's list of every young person, one request after another: the first page, pages
 * further in, searches by name, each filter and sort, and several together (50 rows each).
 */
const COORDINATOR_QUERIES = [
	'',
	'?page=2',
	'?page=1000',
	'?page=2000',
	'?q=hansen',
	'?q=jens+ol',
	'?status=job',
	'?status=job&page=100',
	'?flag=missed',
	'?flag=low',
	'?flag=overdue&flag=notAgreed',
	'?flag=noGuide',
	'?age=16-17',
	'?sort=age',
	'?sort=age&dir=desc&page=300',
	'?guide=<guide>',
	'?q=an&status=youth_education&age=18-20&flag=overdue'
];
const began = performance.now();
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const load = () =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(' ');
console.log(`Minvej bench on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load average ${load()}`);
const { meta } = await ensureBenchDatabase({ fresh: args.includes('--fresh'), check: args.includes('--check') });
const buildDir = process.env.BUILD_DIR ?? 'build';
if (!existsSync(`${buildDir}/index.js`)) {
	console.log('Building the app (npm run build) …');
	execSync('npm run build', { stdio: 'inherit' });
}

let phase = performance.now();
for (const suffix of ['', '-wal', '-shm', '.pid']) rmSync(RUN_DB + suffix, { force: true });
copyFileSync(BENCH_DB, RUN_DB);
if (process.env.BENCH_SETUP_SQL) {
	// To compare with an older schema, e.g. BENCH_SETUP_SQL="drop index message_threads_youth_idx".
	const sqlite = new Database(RUN_DB);
	sqlite.exec(process.env.BENCH_SETUP_SQL);
	sqlite.close();
	console.log(`Ran on the copy: ${process.env.BENCH_SETUP_SQL}`);
}
const cast = prepareCast(RUN_DB, { senders: 2000, streams: STREAMS, planReaders: 1000, guides: 200 });
console.log(
	`Copied the database to ${RUN_DB} and prepared ${cast.senders.length + cast.planReaders.length + cast.guides.length + 2 * cast.pairs.length} sessions in ${seconds(phase)} s`
);

phase = performance.now();
const server = await startBuiltServer({ port: PORT, databasePath: RUN_DB });
console.log(`Started the built server in ${seconds(phase)} s`);
const results: LoadResult[] = [];
let streams: StreamResult | null = null;
try {
	const { origin } = server;
	phase = performance.now();
	const youthCookie = await logIn(origin, cast.youth.username, BENCH_PASSWORD);
	const guideCookie = await logIn(origin, cast.guide.username, BENCH_PASSWORD);
	console.log(
		`Logged in as ${cast.youth.username} and their guide ${cast.guide.username} (${cast.guide.caseload} young people) in ${seconds(phase)} s`
	);

	const page = async (path: string, cookie: string) => {
		const res = await fetch(origin + path, { headers: { cookie } });
		const body = Buffer.from(await res.arrayBuffer());
		if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
		return body;
	};
	const planHtml = await page('/plan', youthCookie);
	const staffHtml = await page('/staff', guideCookie);
	const inboxHtml = await page('/staff/messages', guideCookie);
	const coordinatorHtml = await page('/staff', cast.coordinator.cookie);
	console.log(
		`Pages: /plan ${planHtml.length} B, /staff ${staffHtml.length} B (the coordinator's ${coordinatorHtml.length} B), /staff/messages ${inboxHtml.length} B`
	);

	const rotate = (cookies: string[]) => {
		let i = 0;
		return () => ({ headers: { cookie: cookies[i++ % cookies.length]! } });
	};
	let sent = 0;
	const targets: (LoadTarget & { part: string })[] = [
		{ part: 'plan', name: 'GET /plan', users: '1 young person', url: `${origin}/plan`, headers: { cookie: youthCookie } },
		{
			part: 'plan',
			name: 'GET /plan',
			users: `${cast.planReaders.length} young people`,
			url: `${origin}/plan`,
			next: rotate(cast.planReaders.map((p) => p.cookie))
		},
		{
			part: 'staff',
			name: 'GET /staff',
			users: `1 guide (${cast.guide.caseload})`,
			url: `${origin}/staff`,
			headers: { cookie: guideCookie }
		},
		{
			part: 'staff',
			name: 'GET /staff',
			users: `${cast.guides.length} guides`,
			url: `${origin}/staff`,
			next: rotate(cast.guides.map((p) => p.cookie))
		},
		{
			part: 'coordinator',
			name: 'GET /staff?…',
			users: `coordinator, ${COORDINATOR_QUERIES.length} queries`,
			url: `${origin}/staff`,
			next: (() => {
				let i = 0;
				const paths = COORDINATOR_QUERIES.map((q) => `/staff${q.replace('<guide>', cast.someGuideId)}`);
				return () => ({ headers: { cookie: cast.coordinator.cookie }, path: paths[i++ % paths.length]! });
			})()
		},
		{ part: 'inbox', name: 'GET /staff/messages', users: '1 guide', url: `${origin}/staff/messages`, headers: { cookie: guideCookie } },
		{
			part: 'inbox',
			name: 'GET /staff/messages',
			users: `${cast.guides.length} guides`,
			url: `${origin}/staff/messages`,
			next: rotate(cast.guides.map((p) => p.cookie))
		},
		{
			part: 'send',
			name: 'POST /api/messages',
			users: `${cast.senders.length} young people`,
			url: `${origin}/api/messages`,
			method: 'POST',
			next: () => {
				const n = sent++;
				return {
					headers: { cookie: cast.senders[n % cast.senders.length]!.cookie, 'content-type': 'application/json', origin },
					body: JSON.stringify({ clientId: `bench-load-${process.pid}-${n}`, body: `Hej, det er besked nummer ${n}.` })
				};
			}
		}
	];
	// A request autocannon gave up on (10 s) still runs on the server: wait until the server has
	// worked off what is queued, so that one measurement does not slow down the next.
	const drained = async () => {
		const t0 = performance.now();
		await fetch(`${origin}/healthz`);
		const waited = performance.now() - t0;
		if (waited > 1000) console.log(`  (the server needed ${(waited / 1000).toFixed(1)} s to finish the requests still queued)`);
	};
	for (const target of targets.filter((t) => wants(t.part))) {
		const result = await measure(target, undefined, server.process.pid);
		results.push(result);
		console.log(
			`  ${result.name} (${result.users}): ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, ${result.non2xx + result.errors} failed`
		);
		await drained();
	}
	if (wants('send')) {
		const perSender = Math.ceil(sent / cast.senders.length);
		console.log(
			`  (${sent} sends from ${cast.senders.length} senders: at most ${perSender} each, under the limit of 30 per minute per person)`
		);
	}

	if (wants('streams')) {
		phase = performance.now();
		streams = await measureStreams(origin, cast.pairs, { sends: SENDS, perSecond: 10 });
		console.log(
			`  event streams: ${streams.streams} open in ${streams.connectSeconds.toFixed(1)} s; ${streams.arrived}/${streams.sends} arrived (${seconds(phase)} s)`
		);
	}

	if (wants('ceiling')) {
		const ceiling = await startCeiling(PORT + 1, planHtml);
		try {
			const result = await measure({ name: 'plain Node http', users: `static ${planHtml.length} B HTML`, url: ceiling.url });
			results.push(result);
		} finally {
			await ceiling.stop();
		}
	}
} finally {
	await server.stop();
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
const widths = [20, 26, 8, 8, 8, 8, 7, 9, 10];
console.log(
	`\nDatabase: ${SCALE.youth} young people, ${SCALE.guides + SCALE.caseworkers + SCALE.coordinators} staff, ${SCALE.messages} messages; ${(meta.bytes / 1e9).toFixed(2)} GB, generated in ${meta.generationSeconds.toFixed(0)} s`
);
console.log(
	`autocannon: ${LOAD.connections} connections, ${LOAD.duration} s after ${LOAD.warmup} s warm-up, on the same machine as the server`
);
console.log(`Server: ${buildDir}/; load average now ${load()} (1, 5, 15 min; other work on the machine counts too)\n`);
console.log(row(['request', 'as', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'B/resp', 'CPU ms/req'], widths));
for (const r of results) {
	console.log(
		row(
			[
				r.name,
				r.users,
				r.requestsPerSecond.toFixed(0),
				ms(r.p50),
				ms(r.p95),
				ms(r.p99),
				String(r.non2xx + r.errors),
				r.bytesPerResponse.toFixed(0),
				// The server's own CPU per request: what a request costs, however busy the machine.
				r.serverCpuMsPerRequest ? r.serverCpuMsPerRequest.toFixed(1) : '–'
			],
			widths
		)
	);
}
if (streams) {
	console.log(`\nLive delivery with ${streams.streams} event streams open (${SENDS} sends at 10/s, each to another client's stream):`);
	console.log(
		`  send → arrival on the receiver's stream: median ${ms(streams.arrivalP50)} ms, p95 ${ms(streams.arrivalP95)} ms, p99 ${ms(streams.arrivalP99)} ms, max ${ms(streams.arrivalMax)} ms`
	);
	console.log(`  POST /api/messages answered: median ${ms(streams.sendP50)} ms, p95 ${ms(streams.sendP95)} ms; lost: ${streams.lost}`);
}
writeFileSync('data/bench-results.json', JSON.stringify({ at: new Date().toISOString(), meta, load: LOAD, results, streams }, null, 2));
console.log(`\nWhole bench: ${seconds(began)} s (results also in data/bench-results.json)`);
