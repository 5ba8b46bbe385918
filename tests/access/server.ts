/**
 * A spec's own server: the built app (`node scripts/e2e-server.js`) on a free port with a fresh
 * demo database in a temporary folder, so what a spec finds never depends on what other spec files
 * did. The access matrix and the access-log spec start one each; the stories get one per file
 * (tests/story.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, killGroup, spawnGroup } from '../../src/lib/server/process-groups.testing';

export interface AppServer {
	baseURL: string;
	/** The public origin the app believes it has (ORIGIN). */
	origin: string;
	databasePath: string;
	/** The server's process (to send it a signal). */
	pid: number;
	/** What the server has printed so far (stdout and stderr). */
	output(): string;
	stop(): Promise<void>;
}

/** How long a server may take to exit once told to stop (SIGTERM). It takes well under a second. */
const STOP_WITHIN_MS = 10_000;

/** A port nobody listens on now (the system picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs = 30_000) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it was ready:\n${log()}`);
		try {
			const res = await fetch(url);
			if (res.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	throw new Error(`The server did not answer ${url} within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Starts the built server. `origin` is the public address it is told it has (ORIGIN); by default
 * http://localhost:<port>, as in development and the e2e runs. An https origin makes it behave as
 * behind a TLS proxy in production (Secure cookies, HSTS) while the test still talks plain HTTP.
 */
export async function startServer(
	options: { origin?: (port: number) => string; name?: string; env?: Record<string, string> } = {}
): Promise<AppServer> {
	const port = await freePort();
	const name = options.name ?? 'access';
	const dir = mkdtempSync(join(tmpdir(), `minvej-${name}-`));
	const databasePath = join(dir, `${name}.db`);
	const origin = options.origin?.(port) ?? `http://localhost:${port}`;
	let output = '';
	// Its own process group: one kill ends it whatever it started, and it never outlives the worker.
	const child = spawnGroup(process.execPath, ['scripts/e2e-server.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: databasePath,
			DATA_DIR: join(dir, 'files'),
			BUILD_DIR: process.env.BUILD_DIR ?? 'build',
			DEMO_SEED: 'true',
			NODE_ENV: 'production',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const baseURL = `http://127.0.0.1:${port}`;
	try {
		await waitForHealth(`${baseURL}/healthz`, child, () => output);
	} catch (e) {
		killGroup(child);
		rmSync(dir, { recursive: true, force: true });
		throw e;
	}
	return {
		baseURL,
		origin,
		databasePath,
		pid: child.pid!,
		output: () => output,
		async stop() {
			// A clean stop first (the server removes its pid file); then the whole group, always. A
			// server that does not exit when told to would hang a deployment's restart: that fails the
			// spec, once the group is gone.
			let stopped: unknown = null;
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				stopped = await exited(child, STOP_WITHIN_MS).catch((e: Error) => e);
			}
			killGroup(child);
			rmSync(dir, { recursive: true, force: true });
			if (stopped instanceof Error)
				throw new Error(`The server did not exit within ${STOP_WITHIN_MS} ms of SIGTERM:\n${output.slice(-2000)}`);
		}
	};
}
