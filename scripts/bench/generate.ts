/**
 * Builds the bench's database: a large municipality (100,000 young people, 2,000 staff,
 * 5 million messages) on the app's real schema (the migrations in drizzle/), cached in
 * data/bench.db and reused until `--fresh` (or a new generator version) asks for a new one.
 *
 * Fast by construction: raw better-sqlite3 prepared statements in one big transaction per table,
 * no journal while loading, and the secondary indexes dropped first and created again at the end
 * from the migrations' own SQL (sorting once is far quicker than millions of random inserts).
 * Every password is BENCH_PASSWORD with one argon2 hash made by the app's own `hashPassword`.
 *
 *   npx tsx scripts/bench/generate.ts [--fresh] [--check]
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../../src/lib/server/db/client';
import { hashPassword } from '../../src/lib/server/auth';
import { CASELOAD_INDEX_FILL } from '../../src/lib/server/db/caseload-index';
import { UNREAD_COUNT_FILL } from '../../src/lib/server/db/unread-counts';
import { GUIDE_LOAD_FILL } from '../../src/lib/server/db/guide-loads';
import { BENCH_DB, BENCH_META, BENCH_PASSWORD, GENERATOR_VERSION, IdPool, migrationsStamp, seeded, type BenchMeta } from './common';
import { populate } from './populate';

const DB_SUFFIXES = ['', '-wal', '-shm', '.pid'];

function removeDatabase(path: string) {
	for (const suffix of DB_SUFFIXES) rmSync(path + suffix, { force: true });
}

function readMeta(): BenchMeta | null {
	if (!existsSync(BENCH_DB) || !existsSync(BENCH_META)) return null;
	try {
		const meta = JSON.parse(readFileSync(BENCH_META, 'utf8')) as BenchMeta;
		return meta.version === GENERATOR_VERSION && meta.migrations === migrationsStamp() ? meta : null;
	} catch {
		return null;
	}
}

/** Foreign keys and the database's own consistency, as the app's backup checks them. */
export function checkDatabase(path: string): number {
	const started = performance.now();
	const sqlite = new Database(path, { readonly: true });
	try {
		const fk = sqlite.pragma('foreign_key_check') as unknown[];
		if (fk.length) throw new Error(`foreign_key_check found ${fk.length} problems, e.g. ${JSON.stringify(fk[0])}`);
		const quick = sqlite.pragma('quick_check', { simple: true });
		if (quick !== 'ok') throw new Error(`quick_check: ${String(quick)}`);
	} finally {
		sqlite.close();
	}
	return (performance.now() - started) / 1000;
}

/** Makes the database if it is missing or stale; returns what is known about it. */
export async function ensureBenchDatabase(options: { fresh?: boolean; check?: boolean; log?: (line: string) => void } = {}) {
	const log = options.log ?? ((line: string) => console.log(line));
	const cached = options.fresh ? null : readMeta();
	if (cached) {
		log(
			`Using the cached ${BENCH_DB} (${(cached.bytes / 1e9).toFixed(2)} GB, made in ${cached.generationSeconds.toFixed(0)} s; --fresh rebuilds it)`
		);
		return { meta: cached, generated: false };
	}
	const partial = `${BENCH_DB}.partial`;
	removeDatabase(partial);
	const started = performance.now();

	// The real schema: the app's migrations, applied the way the server applies them.
	openDatabase(partial, { migrationsFolder: 'drizzle' }).$client.close();

	const sqlite = new Database(partial);
	sqlite.pragma('journal_mode = OFF');
	sqlite.pragma('synchronous = OFF');
	sqlite.pragma('locking_mode = EXCLUSIVE');
	sqlite.pragma('temp_store = MEMORY');
	sqlite.pragma('cache_size = -1500000');
	sqlite.pragma('foreign_keys = OFF');

	const indexes = sqlite.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null`).all() as {
		name: string;
		sql: string;
	}[];
	for (const { name } of indexes) sqlite.exec(`drop index "${name}"`);
	// The triggers that keep the staff's list index, the guides' loads and the unread counts would look up every row
	// they follow without indexes: off while loading, then each is filled once (as the migrations fill them).
	const triggers = sqlite
		.prepare(
			`select name, sql from sqlite_master where type = 'trigger' and (name like 'caseload_index_%' or name like 'guide_loads_%' or name like 'unread_counts_%')`
		)
		.all() as {
		name: string;
		sql: string;
	}[];
	for (const { name } of triggers) sqlite.exec(`drop trigger "${name}"`);

	const passwordHash = await hashPassword(BENCH_PASSWORD);
	const rows = populate(sqlite, { passwordHash, now: Date.now(), random: seeded(20_261_123), ids: new IdPool(), log });

	let phase = performance.now();
	for (const { sql } of indexes) sqlite.exec(sql);
	log(`  indexes: ${indexes.length} made again in ${((performance.now() - phase) / 1000).toFixed(1)} s`);
	phase = performance.now();
	for (const { sql } of triggers) sqlite.exec(sql);
	sqlite.exec(`delete from caseload_index; ${CASELOAD_INDEX_FILL} ${GUIDE_LOAD_FILL} ${UNREAD_COUNT_FILL}`);
	log(
		`  the staff's list index, the guides' loads and the unread counts filled (and their ${triggers.length} triggers made again) in ${((performance.now() - phase) / 1000).toFixed(1)} s`
	);
	phase = performance.now();
	sqlite.pragma('locking_mode = NORMAL');
	sqlite.pragma('journal_mode = WAL');
	sqlite.close();
	log(`  closed in ${((performance.now() - phase) / 1000).toFixed(1)} s`);

	const generationSeconds = (performance.now() - started) / 1000;
	const checkSeconds = options.check ? checkDatabase(partial) : null;
	if (checkSeconds !== null) log(`  foreign_key_check and quick_check passed in ${checkSeconds.toFixed(1)} s`);

	removeDatabase(BENCH_DB);
	renameSync(partial, BENCH_DB);
	removeDatabase(partial);
	const meta: BenchMeta = {
		version: GENERATOR_VERSION,
		migrations: migrationsStamp(),
		createdAt: new Date().toISOString(),
		generationSeconds,
		checkSeconds,
		bytes: statSync(BENCH_DB).size,
		rows
	};
	writeFileSync(BENCH_META, JSON.stringify(meta, null, 2));
	log(`Generated ${BENCH_DB}: ${(meta.bytes / 1e9).toFixed(2)} GB in ${generationSeconds.toFixed(1)} s`);
	return { meta, generated: true };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await ensureBenchDatabase({ fresh: process.argv.includes('--fresh'), check: process.argv.includes('--check') });
}
