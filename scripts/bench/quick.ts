/**
 * `npm run bench -- --quick`: the pages a young person opens first, on the demo database, side by
 * side with the anonymous login page, the health check and this machine's plain Node HTTP server
 * serving the same /plan HTML. Under a minute, so a change can be measured before and after in one
 * sitting; the ratios (to /login and to plain Node) move less with the machine's load than the
 * absolute figures do.
 *
 * Beside requests per second it prints the server's CPU time per request (Linux /proc) and the
 * login page's over each page's: that ratio hardly moves with other work on the machine, where
 * requests per second can halve.
 *
 * Environment: BENCH_QUICK_DURATION (s per request, default 5), BENCH_CONNECTIONS (default 10),
 * BENCH_PORT (default 4532; plain Node uses the next port).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAD, measure, type LoadResult } from './load';
import { logIn, startBuiltServer } from './server';
import { startCeiling } from './ceiling';

const DEMO_PASSWORD = 'minvej-demo';
const PORT = Number(process.env.BENCH_PORT ?? 4532);
const DURATION = Number(process.env.BENCH_QUICK_DURATION ?? 5);
const load = () =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(' ');

export async function runQuickBench(): Promise<LoadResult[]> {
	const began = performance.now();
	console.log(`Minvej quick bench on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load average ${load()}`);
	const dir = mkdtempSync(join(tmpdir(), 'minvej-bench-quick-'));
	const server = await startBuiltServer({ port: PORT, databasePath: join(dir, 'demo.db'), demoSeed: true });
	const results: LoadResult[] = [];
	try {
		const { origin } = server;
		const freja = await logIn(origin, 'freja', DEMO_PASSWORD);
		const plan = await fetch(`${origin}/plan`, { headers: { cookie: freja } });
		if (plan.status !== 200) throw new Error(`/plan as freja: HTTP ${plan.status}`);
		const planHtml = Buffer.from(await plan.arrayBuffer());
		const targets = [
			{ name: 'GET /healthz', users: 'anyone', path: '/healthz' },
			{ name: 'GET /login', users: 'anonymous', path: '/login' },
			{ name: 'GET /', users: 'freja', path: '/', cookie: freja },
			{ name: 'GET /plan', users: 'freja', path: '/plan', cookie: freja },
			{ name: 'GET /messages', users: 'freja', path: '/messages', cookie: freja }
		];
		for (const t of targets) {
			const result = await measure(
				{ name: t.name, users: t.users, url: origin + t.path, headers: t.cookie ? { cookie: t.cookie } : undefined },
				DURATION,
				server.process.pid
			);
			if (result.non2xx + result.errors) throw new Error(`${t.name}: ${result.non2xx + result.errors} requests failed`);
			results.push(result);
		}
		const ceiling = await startCeiling(PORT + 1, planHtml);
		try {
			results.push(await measure({ name: 'plain Node http', users: `/plan's ${planHtml.length} B`, url: ceiling.url }, DURATION));
		} finally {
			await ceiling.stop();
		}
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}

	const login = results.find((r) => r.name === 'GET /login')!.requestsPerSecond;
	const plain = results.at(-1)!.requestsPerSecond;
	const loginCpu = results.find((r) => r.name === 'GET /login')!.serverCpuMsPerRequest;
	const widths = [16, 18, 7, 7, 7, 9, 9, 10, 10];
	const row = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
	console.log(
		`\nautocannon: ${LOAD.connections} connections, ${DURATION} s each after ${LOAD.warmup} s warm-up; load average now ${load()}\n`
	);
	console.log(row(['request', 'as', 'req/s', 'p50 ms', 'p95 ms', '÷ /login', '÷ plain', 'CPU ms/req', 'CPU ÷']));
	for (const r of results) {
		console.log(
			row([
				r.name,
				r.users,
				r.requestsPerSecond.toFixed(0),
				r.p50.toFixed(1),
				r.p95.toFixed(1),
				(r.requestsPerSecond / login).toFixed(2),
				(r.requestsPerSecond / plain).toFixed(3),
				r.serverCpuMsPerRequest ? r.serverCpuMsPerRequest.toFixed(2) : '–',
				// The login page's server CPU per request over this one's: the throughput ratio a
				// machine with nothing else to do would show.
				r.serverCpuMsPerRequest && loginCpu ? (loginCpu / r.serverCpuMsPerRequest).toFixed(2) : '–'
			])
		);
	}
	console.log(`\nQuick bench: ${((performance.now() - began) / 1000).toFixed(1)} s`);
	return results;
}
