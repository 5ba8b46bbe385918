// `npm run lighthouse`: Lighthouse mobile runs (its default: a mid-range phone, simulated slow 4G
// and a 4× slower CPU) of the pages a young person opens first (/, /plan and /messages, issue 18)
// as a logged-in young person, on the built server with the demo municipality. Reports, per page,
// the performance and accessibility scores, the paints, blocking time and layout shift (median and
// each run); the full report of each page's last run is written to data/lighthouse-<page>.html.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), LIGHTHOUSE_PORT (default 4534),
// LIGHTHOUSE_USER (default freja, the demo's young person with the fullest plan), LIGHTHOUSE_RUNS
// (default 3; the median is reported), LIGHTHOUSE_PAGES (default "/,/plan,/messages"),
// LIGHTHOUSE_THROTTLING (simulate, the default, or devtools: the throttling applied to the load).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const port = Number(process.env.LIGHTHOUSE_PORT ?? 4534);
const origin = `http://localhost:${port}`;
const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const user = process.env.LIGHTHOUSE_USER ?? 'freja';
const database = 'data/lighthouse.db';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PAGES = (process.env.LIGHTHOUSE_PAGES ?? '/,/plan,/messages').split(',').filter(Boolean);
const THROTTLING = process.env.LIGHTHOUSE_THROTTLING;
if (THROTTLING && !['simulate', 'devtools'].includes(THROTTLING)) {
	console.error('LIGHTHOUSE_THROTTLING is "simulate" (the default) or "devtools".');
	process.exit(1);
}

if (!existsSync('build/index.js')) {
	console.error('build/index.js is missing: run "npm run build" first.');
	process.exit(1);
}
mkdirSync('data', { recursive: true });
for (const suffix of ['', '-wal', '-shm', '.pid']) rmSync(database + suffix, { force: true });

const server = spawn(process.execPath, ['build'], {
	env: {
		...process.env,
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DATABASE_PATH: database,
		DEMO_SEED: 'true'
	},
	stdio: ['ignore', 'ignore', 'inherit']
});
let chrome;
let cookie;

async function measure(path) {
	// Several runs, and the median: a shared machine's load moves single runs a lot.
	const runs = [];
	let last;
	// The first run (not counted) warms the server and the browser up.
	for (let attempt = -1; runs.length < RUNS && attempt < RUNS + 2; attempt++) {
		const result = await lighthouse(`${origin}${path}`, {
			port: chrome.port,
			output: 'html',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility'],
			// LIGHTHOUSE_THROTTLING=devtools: slow 4G and the 4x slower CPU applied to the real load,
			// not simulated from an unthrottled one (Lighthouse's default, `simulate`).
			...(THROTTLING ? { throttlingMethod: THROTTLING } : {}),
			extraHeaders: { Cookie: cookie }
		});
		if (!result) throw new Error('Lighthouse gave no result');
		const { lhr } = result;
		if (lhr.runtimeError) {
			console.warn(`Lighthouse could not measure (run again): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
			continue;
		}
		if (lhr.finalDisplayedUrl !== `${origin}${path}`)
			throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${path}: not logged in?`);
		if (attempt < 0) continue;
		runs.push(lhr);
		last = result;
	}
	if (!runs.length) throw new Error('no Lighthouse run could measure');
	const report = `data/lighthouse-${path === '/' ? 'home' : path.slice(1).replaceAll('/', '-')}.html`;
	writeFileSync(report, String(last.report));
	const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
	const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
	const first = runs[0];
	if (path === PAGES[0])
		console.log(
			`Lighthouse ${first.lighthouseVersion}, ${first.configSettings.formFactor} (${first.configSettings.throttlingMethod} throttling), ${first.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0]}`
		);
	console.log(`${path} as ${user}, ${runs.length} runs (median, then each run):`);
	const line = (label, values, format) =>
		console.log(`  ${label.padEnd(26)} ${format(median(values)).padStart(8)}   (${values.map(format).join(', ')})`);
	line(
		'performance',
		runs.map((r) => score(r, 'performance')),
		String
	);
	line(
		'accessibility',
		runs.map((r) => score(r, 'accessibility')),
		String
	);
	const ms = (v) => `${(v / 1000).toFixed(1)} s`;
	line(
		'Largest Contentful Paint',
		runs.map((r) => r.audits['largest-contentful-paint'].numericValue),
		ms
	);
	line(
		'First Contentful Paint',
		runs.map((r) => r.audits['first-contentful-paint'].numericValue),
		ms
	);
	line(
		'Total Blocking Time',
		runs.map((r) => r.audits['total-blocking-time'].numericValue),
		(v) => `${Math.round(v)} ms`
	);
	line(
		'Cumulative Layout Shift',
		runs.map((r) => r.audits['cumulative-layout-shift'].numericValue),
		(v) => v.toFixed(3)
	);
	line(
		'Speed Index',
		runs.map((r) => r.audits['speed-index'].numericValue),
		ms
	);
	const failed = first.categories.accessibility.auditRefs
		.filter((ref) => ref.weight > 0 && first.audits[ref.id].score !== null && first.audits[ref.id].score < 1)
		.map((ref) => ref.id);
	if (failed.length) console.log(`  accessibility audits not passed: ${failed.join(', ')}`);
	console.log(`  full report of the last run: ${report}`);
}

try {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) break;
		} catch {
			// Not listening yet.
		}
		if (i > 240) throw new Error('the server did not start');
		await new Promise((r) => setTimeout(r, 250));
	}

	// Log in through the login form, as a browser would, and carry the session cookie.
	const login = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
		body: new URLSearchParams({ username: user, password: 'minvej-demo' })
	});
	cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('minvej_session='));
	if (login.status !== 303 || !cookie) throw new Error(`login as ${user} failed: HTTP ${login.status}`);

	chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
	for (const path of PAGES) await measure(path);
} finally {
	await chrome?.kill();
	server.kill('SIGTERM');
}
