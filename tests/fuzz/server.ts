/**
 * A private server for one spec: the built app (`node build`, as scripts/serve.js starts it) on
 * its own port and its own temporary database, so what a spec does to it never reaches the shared
 * e2e server other specs depend on.
 */
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exited as exitOf, killGroup, spawnGroup } from '../../src/lib/server/process-groups.testing';
import { freePort } from '../access/server';

/** A free port for a spec's own server; E2E_PORT + offset when E2E_PORT is set (to pin it). */
export async function ownPort(offset: number): Promise<number> {
	return process.env.E2E_PORT ? Number(process.env.E2E_PORT) + offset : freePort();
}

export function tempDatabasePath(name: string): { dir: string; path: string } {
	const dir = mkdtempSync(join(tmpdir(), `minvej-${name}-`));
	return { dir, path: join(dir, 'minvej.db') };
}

export interface Server {
	baseURL: string;
	child: ChildProcess;
	/** Everything the server wrote to stdout and stderr. */
	output: () => string;
	/** Milliseconds from spawning until /healthz answered 200. */
	startupMs: number;
	exited: Promise<number | null>;
}

/** Starts the built server and waits until /healthz answers (throws with its output if it dies). */
export async function startServer(port: number, databasePath: string, timeoutMs = 60_000): Promise<Server> {
	const baseURL = `http://127.0.0.1:${port}`;
	const taken = await fetch(`${baseURL}/healthz`).then(
		() => true,
		() => false
	);
	if (taken) throw new Error(`Port ${port} is taken by another server`);
	const started = Date.now();
	// Its own process group (never outliving this process): one kill ends it whatever it started.
	const child = spawnGroup(process.execPath, [resolve(process.env.BUILD_DIR ?? 'build')], {
		cwd: process.cwd(),
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			DATABASE_PATH: databasePath
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
	const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
	let dead = false;
	void exited.then(() => (dead = true));
	while (Date.now() - started < timeoutMs) {
		if (dead) throw new Error(`The server on ${baseURL} exited while starting:\n${output}`);
		try {
			const response = await fetch(`${baseURL}/healthz`);
			if (response.ok) return { baseURL, child, output: () => output, startupMs: Date.now() - started, exited };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 15));
	}
	killGroup(child);
	throw new Error(`The server on ${baseURL} did not answer /healthz within ${timeoutMs} ms:\n${output}`);
}

/**
 * Stops the server: SIGTERM (a clean shutdown) or SIGKILL (a crash), and waits until it is gone;
 * its whole process group is killed if it has not gone within 10 s, and in any case at the end.
 * A server that does not exit within 10 s of SIGTERM fails the test (as tests/access/server.ts).
 */
export async function stopServer(server: Server | undefined, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') {
	if (!server) return;
	let gone = true;
	if (server.child.exitCode === null && server.child.signalCode === null) {
		server.child.kill(signal);
		gone = await exitOf(server.child, 10_000).then(
			() => true,
			() => false
		);
	}
	killGroup(server.child);
	await exitOf(server.child, 5_000);
	if (!gone && signal === 'SIGTERM') throw new Error('The server did not exit within 10 s of SIGTERM');
}

export function removeDatabase(dir: string) {
	rmSync(dir, { recursive: true, force: true });
}

/** Opens the database beside a running (or stopped) server: WAL lets both read and write. */
export function openDatabase(path: string): Database.Database {
	const db = new Database(path);
	db.pragma('busy_timeout = 5000');
	return db;
}

/** `PRAGMA integrity_check` and `PRAGMA foreign_key_check`: ['ok'] and [] on a sound database. */
export function checkDatabase(path: string): { integrity: string[]; foreignKeys: unknown[] } {
	const db = openDatabase(path);
	try {
		const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
		const foreignKeys = db.pragma('foreign_key_check') as unknown[];
		return { integrity, foreignKeys };
	} finally {
		db.close();
	}
}
