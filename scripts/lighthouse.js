// `npm run lighthouse`: a Lighthouse mobile run (its default: a mid-range phone, simulated slow 4G
// and a 4× slower CPU) of /plan as a logged-in young person, on the built server with the demo
// municipality. Reports the performance and accessibility scores and the Largest Contentful
// Paint; the full report is written to data/lighthouse-plan.html.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), LIGHTHOUSE_PORT (default 4534),
// LIGHTHOUSE_USER (default freja, the demo's young person with the fullest plan).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const port = Number(process.env.LIGHTHOUSE_PORT ?? 4534);
const origin = `http://localhost:${port}`;
const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const user = process.env.LIGHTHOUSE_USER ?? 'freja';
const database = 'data/lighthouse.db';

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
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('minvej_session='));
	if (login.status !== 303 || !cookie) throw new Error(`login as ${user} failed: HTTP ${login.status}`);

	chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
	const result = await lighthouse(`${origin}/plan`, {
		port: chrome.port,
		output: 'html',
		logLevel: 'error',
		onlyCategories: ['performance', 'accessibility'],
		extraHeaders: { Cookie: cookie }
	});
	if (!result) throw new Error('Lighthouse gave no result');
	const { lhr } = result;
	if (lhr.finalDisplayedUrl !== `${origin}/plan`)
		throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not /plan: not logged in?`);
	writeFileSync('data/lighthouse-plan.html', String(result.report));
	const audit = (id) => lhr.audits[id];
	const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
	console.log(
		`Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor} (${lhr.configSettings.throttlingMethod} throttling), ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0]}`
	);
	console.log(`/plan as ${user}:`);
	console.log(`  performance   ${score('performance')}`);
	console.log(`  accessibility ${score('accessibility')}`);
	for (const id of [
		'largest-contentful-paint',
		'first-contentful-paint',
		'total-blocking-time',
		'cumulative-layout-shift',
		'speed-index'
	]) {
		console.log(`  ${audit(id).title.padEnd(26)} ${audit(id).displayValue}`);
	}
	const failed = Object.values(lhr.categories.accessibility.auditRefs)
		.filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
		.map((ref) => ref.id);
	if (failed.length) console.log(`  accessibility audits not passed: ${failed.join(', ')}`);
	console.log('Full report: data/lighthouse-plan.html');
} finally {
	await chrome?.kill();
	server.kill('SIGTERM');
}
