/** Starting and stopping the built server (`node build`) for a measurement, and logging in to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface RunningServer {
	origin: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

/** Starts `node build` on the database and waits until /healthz answers. */
export async function startBuiltServer(options: { port: number; databasePath: string; demoSeed?: boolean }): Promise<RunningServer> {
	const buildDir = process.env.BUILD_DIR ?? 'build';
	if (!existsSync(`${buildDir}/index.js`)) throw new Error(`${buildDir}/index.js is missing: run "npm run build" first`);
	const origin = `http://localhost:${options.port}`;
	const child = spawn(process.execPath, [buildDir], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(options.port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: options.databasePath,
			DEMO_SEED: options.demoSeed ? 'true' : 'false'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server stopped at start-up:\n${output}`);
		try {
			const res = await fetch(`${origin}/healthz`);
			if (res.ok) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the server did not answer /healthz within 120 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		origin,
		process: child,
		async stop() {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
	};
}

/** Logs in through the login form, as a browser does; returns the Cookie header to send. */
export async function logIn(origin: string, username: string, password: string): Promise<string> {
	const res = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
		body: new URLSearchParams({ username, password })
	});
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('minvej_session='));
	if (res.status !== 303 || !cookie) throw new Error(`login as ${username} failed: HTTP ${res.status}`);
	return cookie;
}
