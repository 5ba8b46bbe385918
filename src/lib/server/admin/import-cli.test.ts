/**
 * `npm run import -- <file.csv>` (scripts/import.ts) as the coordinator runs it: a dry run that
 * writes nothing, errors with row and column and exit code 1, --apply that writes the codes file,
 * and the same file again that changes nothing.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../db/client';
import { seedDemo } from '../app';
import { MIGRATIONS } from '../testing';
import { killGroup, runToEnd } from '../process-groups.testing';

function runImport(args: string[], databasePath: string) {
	return runToEnd(process.execPath, ['--import', 'tsx', resolve('scripts', 'import.ts'), ...args], {
		env: { ...process.env, DATABASE_PATH: databasePath, DEMO_SEED: 'false' },
		timeoutMs: 60_000,
		onStart: (child) => onTestFinished(() => killGroup(child))
	});
}

function people(path: string): number {
	const db = new Database(path, { readonly: true });
	try {
		return db.prepare('select count(*) from users').pluck().get() as number;
	} finally {
		db.close();
	}
}

const born = (age: number) => `14-03-${new Date().getFullYear() - age}`;

describe('npm run import', () => {
	it('checks, imports with a codes file, and changes nothing the second time', { timeout: 120_000 }, async () => {
		const dir = mkdtempSync(join(tmpdir(), 'minvej-import-'));
		onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
		const path = join(dir, 'minvej.db');
		const db = openDatabase(path, { migrationsFolder: MIGRATIONS });
		await seedDemo(db);
		db.$client.close();
		const before = people(path);

		// Danish Excel: a BOM, semicolons, Danish column names and dates.
		const file = join(dir, 'sagsliste.csv');
		const rows = [
			'type;id;navn;fødselsdato;guide;rolle;kapacitet',
			'medarbejder;CLI-G;Gro Guide;;;guide;10',
			`ung;CLI-1;Åse Ung;${born(16)};CLI-G;;`,
			`ung;CLI-2;Bo Ung;${born(17)};CLI-G;;`
		];
		writeFileSync(file, '\uFEFF' + rows.join('\r\n') + '\r\n');
		const bad = join(dir, 'fejl.csv');
		writeFileSync(bad, [...rows.slice(0, 2), `ung;CLI-1;Åse Ung;31-02-2010;CLI-G;;`].join('\n'));

		const wrong = await runImport([bad], path);
		expect(wrong.code, wrong.stderr).toBe(1);
		expect(wrong.stdout).toContain('Række 3, kolonne »fødselsdato«');
		expect(people(path)).toBe(before);

		const dry = await runImport([file], path);
		expect(dry.code, dry.stderr).toBe(0);
		expect(dry.stdout).toContain('3 oprettes, 0 ændres, 0 er allerede som i filen.');
		expect(people(path)).toBe(before);

		const codes = join(dir, 'koder.csv');
		const applied = await runImport([file, '--apply', `--codes=${codes}`], path);
		expect(applied.code, applied.stderr).toBe(0);
		expect(applied.stdout).toContain('Filen er indlæst: 3 oprettet, 0 ændret, 0 uændret.');
		expect(people(path)).toBe(before + 3);
		const lines = readFileSync(codes, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('type,external_id,name,code,expires');
		expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(
			expect.arrayContaining(['staff,CLI-G,Gro Guide', 'youth,CLI-1,Åse Ung', 'youth,CLI-2,Bo Ung'])
		);

		const again = await runImport([file, '--apply', `--codes=${join(dir, 'igen.csv')}`], path);
		expect(again.code, again.stderr).toBe(0);
		expect(again.stdout).toContain('Filen er indlæst: 0 oprettet, 0 ændret, 3 uændret.');
		expect(people(path)).toBe(before + 3);
		expect(existsSync(join(dir, 'igen.csv'))).toBe(false);
	});
});
