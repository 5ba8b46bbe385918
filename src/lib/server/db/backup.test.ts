/**
 * `npm run backup` and `npm run restore`, run as the real commands against a database that a
 * separate process keeps writing to.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from './client';
import { seedDemo } from '../app';
import { MIGRATIONS } from '../testing';

const run = promisify(execFile);
const script = (name: string) => resolve('scripts', name);

// Each transaction moves an amount between two rows of a ledger: in any consistent copy the
// rows sum to zero and come in pairs.
const WRITER = `
const Database = require(${JSON.stringify(resolve('node_modules/better-sqlite3'))});
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('busy_timeout = 5000');
const move = db.transaction((n) => {
	db.prepare('insert into ledger (amount, filler) values (?, ?)').run(n, 'x'.repeat(500));
	db.prepare('insert into ledger (amount, filler) values (?, ?)').run(-n, 'y'.repeat(500));
});
process.stdout.write('ready\\n');
for (let i = 1; ; i++) move(i);
`;

async function liveDatabase() {
	const dir = mkdtempSync(join(tmpdir(), 'minvej-backup-'));
	const path = join(dir, 'live.db');
	const db = openDatabase(path, { migrationsFolder: MIGRATIONS });
	await seedDemo(db);
	db.$client.exec('create table ledger (id integer primary key, amount integer not null, filler text)');
	db.$client.close();
	return { dir, path };
}

describe('backup and restore', () => {
	it('copies a database consistently while another process writes to it', async () => {
		const { dir, path } = await liveDatabase();
		const writer = spawn(process.execPath, ['-e', WRITER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
		await new Promise<void>((ok) => writer.stdout.once('data', () => ok()));
		await new Promise((r) => setTimeout(r, 300));
		try {
			const copy = join(dir, 'copy.db');
			const { stdout } = await run(process.execPath, [script('backup.js'), copy], { env: { ...process.env, DATABASE_PATH: path } });
			expect(stdout).toContain('integrity ok');

			const db = new Database(copy, { readonly: true });
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			expect(db.pragma('foreign_key_check')).toEqual([]);
			const { rows, total } = db.prepare('select count(*) as rows, coalesce(sum(amount), 0) as total from ledger').get() as {
				rows: number;
				total: number;
			};
			expect(rows).toBeGreaterThan(0);
			expect(rows % 2).toBe(0);
			expect(total).toBe(0);
			expect((db.prepare(`select count(*) as n from users where username = 'freja'`).get() as { n: number }).n).toBe(1);
			db.close();
		} finally {
			writer.kill('SIGKILL');
		}
	});

	it('refuses to overwrite an existing file', async () => {
		const { dir, path } = await liveDatabase();
		const copy = join(dir, 'exists.db');
		writeFileSync(copy, 'keep me');
		await expect(run(process.execPath, [script('backup.js'), copy], { env: { ...process.env, DATABASE_PATH: path } })).rejects.toThrow(
			/exists already/
		);
	});

	it('restores a backup in place of the database, keeping the replaced one', async () => {
		const { dir, path } = await liveDatabase();
		const env = { ...process.env, DATABASE_PATH: path };
		const copy = join(dir, 'copy.db');
		await run(process.execPath, [script('backup.js'), copy], { env });

		const live = new Database(path);
		live.prepare(`delete from ledger`).run();
		live.prepare(`insert into ledger (amount) values (42)`).run();
		live.close();

		// A running server (its pid file names a live process) blocks the restore.
		writeFileSync(`${path}.pid`, String(process.pid));
		await expect(run(process.execPath, [script('restore.js'), copy], { env })).rejects.toThrow(/in use|is using/);

		writeFileSync(`${path}.pid`, '999999999'); // a crashed server's leftover
		const { stdout } = await run(process.execPath, [script('restore.js'), copy], { env });
		expect(stdout).toContain('restore:');
		const restored = new Database(path, { readonly: true });
		expect((restored.prepare('select count(*) as n from ledger where amount = 42').get() as { n: number }).n).toBe(0);
		expect((restored.prepare(`select count(*) as n from users`).get() as { n: number }).n).toBeGreaterThan(5);
		restored.close();
		expect(existsSync(path)).toBe(true);
		expect(readdirSync(dir).filter((f) => f.startsWith('live.db.before-restore-'))).toHaveLength(1);
	});

	it('refuses a damaged backup and changes nothing', async () => {
		const { dir, path } = await liveDatabase();
		const bad = join(dir, 'bad.db');
		writeFileSync(bad, 'this is not a database');
		await expect(run(process.execPath, [script('restore.js'), bad], { env: { ...process.env, DATABASE_PATH: path } })).rejects.toThrow();
		const db = new Database(path, { readonly: true });
		expect((db.prepare(`select count(*) as n from users where username = 'freja'`).get() as { n: number }).n).toBe(1);
		db.close();
	});
});
