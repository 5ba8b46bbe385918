/**
 * What the bench's generator and runner agree on: where the database lives, the scale, and the
 * accounts the runner logs in with.
 */
import { randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The size of the municipality: 1 is the large municipality. BENCH_SCALE=0.01 makes a
 * small one quickly (to try the scripts); it is cached in its own file.
 */
const FACTOR = Number(process.env.BENCH_SCALE ?? 1);
if (!(FACTOR > 0 && FACTOR <= 1)) throw new Error('BENCH_SCALE must be in (0, 1]');
const scaled = (n: number) => Math.max(1, Math.round(n * FACTOR));
const suffix = FACTOR === 1 ? '' : `-${FACTOR}`;

/** The cached demo database of a large municipality (rebuilt with `--fresh`). */
export const BENCH_DB = `data/bench${suffix}.db`;
/** Facts about the cached database: how it was made, how long it took. */
export const BENCH_META = `data/bench${suffix}.json`;
/** Bumped when the generator changes what it makes: a cached database of another version is rebuilt. */
export const GENERATOR_VERSION = 4;

export const SCALE = {
	youth: scaled(100_000),
	guides: scaled(1_700),
	caseworkers: Math.max(6, scaled(290)),
	coordinators: scaled(10),
	messages: scaled(5_000_000),
	accessLog: scaled(1_000_000)
} as const;

/** Every generated account's password (one argon2 hash is reused for all of them). */
export const BENCH_PASSWORD = 'minvej-bench';

export const youthName = (n: number) => `ung${String(n).padStart(6, '0')}`;
export const guideName = (n: number) => `guide${String(n).padStart(4, '0')}`;
export const caseworkerName = (n: number) => `sagsbehandler${String(n).padStart(3, '0')}`;
export const coordinatorName = (n: number) => `koordinator${String(n).padStart(2, '0')}`;
export const parentName = (n: number) => `foraelder${String(n).padStart(6, '0')}`;

export interface BenchMeta {
	version: number;
	/** The app's migrations the database was made with (a new schema needs a new database). */
	migrations: string;
	createdAt: string;
	generationSeconds: number;
	checkSeconds: number | null;
	bytes: number;
	rows: Record<string, number>;
}

/**
 * Ids that look like the app's `newId()` (24 characters of lower-case base32, 120 random bits),
 * cut from a large random buffer for speed: millions are needed.
 */
export class IdPool {
	private static readonly ALPHABET = Buffer.from('abcdefghijklmnopqrstuvwxyz234567', 'latin1');
	private buf = Buffer.alloc(24 * 16_384);
	private at = this.buf.length;
	next(): string {
		if (this.at + 24 > this.buf.length) {
			randomFillSync(this.buf);
			for (let i = 0; i < this.buf.length; i++) this.buf[i] = IdPool.ALPHABET[this.buf[i]! & 31]!;
			this.at = 0;
		}
		this.at += 24;
		return this.buf.toString('latin1', this.at - 24, this.at);
	}
}

/** A small seeded generator (mulberry32): the same distributions on every build. */
export function seeded(seed: number) {
	let a = seed >>> 0;
	const float = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		float,
		/** An integer in [min, max]. */
		int: (min: number, max: number) => min + Math.floor(float() * (max - min + 1)),
		pick: <T>(list: readonly T[]): T => list[Math.floor(float() * list.length)]!,
		chance: (p: number) => float() < p,
		/** Exponentially distributed with this mean. */
		exp: (mean: number) => -Math.log(1 - float()) * mean
	};
}
export type Random = ReturnType<typeof seeded>;

/** Percentile (0–100) of an unsorted list of numbers, by nearest rank. */
export function percentile(values: number[], p: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank]!;
}

/** The app's migrations as drizzle-kit's journal lists them: their names and when they were made. */
export function migrationsStamp(): string {
	const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: { tag: string; when: number }[] };
	return journal.entries.map((e) => `${e.tag}@${e.when}`).join(',');
}
