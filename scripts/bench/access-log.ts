/**
 * The access log's write on a large log (issue 23): one page view's reads (a guide's caseload,
 * 59 rows) written in one transaction into `access_log` with 1,000,000 rows already in it, on the
 * app's own schema and pragmas (WAL, synchronous=FULL), on a temporary file. Three cases:
 * - random: random ids (newId) into a log of random ids (before);
 * - time-ordered: time-ordered ids (newTimeOrderedId) into a log of them (after);
 * - switch: time-ordered ids into a log of random ids (the months after the change).
 * Prints the median, p90 and fastest time of a batch for each, and how many pages a batch writes
 * (its WAL frames: what the commit's fsync carries, a number the machine's load does not move).
 *
 *   npx tsx scripts/bench/access-log.ts [--rows 59] [--batches 40] [--existing 1000000] [--dir /tmp]
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ulid } from 'ulid';
import { openDatabase } from '../../src/lib/server/db/client';
import { newId, newTimeOrderedId } from '../../src/lib/server/ids';

const args = process.argv.slice(2);
const option = (name: string, fallback: number | string) => {
	const at = args.indexOf(`--${name}`);
	return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : String(fallback);
};
const ROWS = Number(option('rows', 59));
const BATCHES = Number(option('batches', 40));
const WARMUP = 5;
const EXISTING = Number(option('existing', 1_000_000));
const YOUTHS = 2000;
const DAY = 86_400_000;

type IdKind = 'random' | 'time-ordered';
const CASES: { name: string; existing: IdKind; fresh: IdKind }[] = [
	{ name: 'random', existing: 'random', fresh: 'random' },
	{ name: 'time-ordered', existing: 'time-ordered', fresh: 'time-ordered' },
	{ name: 'switch', existing: 'random', fresh: 'time-ordered' }
];

const INSERT = `insert into access_log (id, youth_id, actor_id, actor_role, actor_department, resource, purpose, created_at)
	values (?, ?, ?, 'guide', null, 'caseload', 'caseload', ?)`;

/** A database on the app's schema with the people and EXISTING log rows (fast: no fsync, a big cache). */
function prepareDatabase(path: string, existing: IdKind) {
	openDatabase(path, { migrationsFolder: resolve('drizzle') }).$client.close();
	const sqlite = new Database(path);
	sqlite.pragma('synchronous = OFF');
	sqlite.pragma('cache_size = -500000');
	const now = Date.now();
	const youthIds = Array.from({ length: YOUTHS }, () => newId());
	const guideId = newId();
	const addUser = sqlite.prepare(`insert into users (id, username, display_name, role, birth_date, created_at) values (?, ?, ?, ?, ?, ?)`);
	const insert = sqlite.prepare(INSERT);
	sqlite.transaction(() => {
		addUser.run(guideId, 'guide', 'Guide', 'guide', null, now);
		youthIds.forEach((id, i) => addUser.run(id, `youth${i}`, `Youth ${i}`, 'youth', '2010-01-01', now));
		// Half a year of reads, oldest first, as the log grew.
		const start = now - 183 * DAY;
		for (let i = 0; i < EXISTING; i++) {
			const at = start + Math.floor((i * 183 * DAY) / EXISTING);
			insert.run(existing === 'random' ? newId() : ulid(at, Math.random), youthIds[i % YOUTHS]!, guideId, at);
		}
	})();
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();
	return { youthIds, guideId };
}

function median(values: number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	return { median: sorted[Math.floor(sorted.length / 2)]!, p90: sorted[Math.floor(sorted.length * 0.9)]!, min: sorted[0]! };
}

function measure(kind: (typeof CASES)[number], dir: string) {
	const path = join(dir, `${kind.name}.db`);
	const filled = performance.now();
	const { youthIds, guideId } = prepareDatabase(path, kind.existing);
	const fillSeconds = (performance.now() - filled) / 1000;
	// Opened as the app opens it: WAL, synchronous=FULL (checked), the default cache.
	const database = openDatabase(path);
	const sqlite = database.$client;
	if (sqlite.pragma('synchronous', { simple: true }) !== 2) throw new Error('synchronous is not FULL');
	const insert = sqlite.prepare(INSERT);
	const caseload = youthIds.slice(0, ROWS);
	const write = sqlite.transaction(() => {
		const at = new Date();
		for (const youthId of caseload) {
			insert.run(kind.fresh === 'random' ? newId() : newTimeOrderedId(at), youthId, guideId, at.getTime());
		}
	});
	const times: number[] = [];
	for (let i = 0; i < WARMUP + BATCHES; i++) {
		const started = performance.now();
		write();
		if (i >= WARMUP) times.push(performance.now() - started);
	}
	// Pages each batch writes (WAL frames after a truncated WAL): what the fsync has to carry, and
	// a count the machine's load does not move.
	const frames: number[] = [];
	for (let i = 0; i < 10; i++) {
		sqlite.pragma('wal_checkpoint(TRUNCATE)');
		write();
		frames.push((sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log);
	}
	sqlite.close();
	return { ...median(times), pages: median(frames).median, fillSeconds };
}

const dir = mkdtempSync(join(option('dir', tmpdir()), 'minvej-access-log-bench-'));
console.log(
	`${ROWS} rows per batch (one transaction), ${EXISTING.toLocaleString('en')} rows in the log, synchronous=FULL, ${BATCHES} batches after ${WARMUP} warm-up, in ${dir}`
);
try {
	for (const kind of CASES) {
		const r = measure(kind, dir);
		console.log(
			`${kind.name.padEnd(13)} (${kind.fresh} ids into ${kind.existing} ids): median ${r.median.toFixed(2)} ms, p90 ${r.p90.toFixed(2)} ms, fastest ${r.min.toFixed(2)} ms per batch, ${r.pages} pages written  [filled in ${r.fillSeconds.toFixed(0)} s]`
		);
		for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `${kind.name}.db${suffix}`), { force: true });
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}
