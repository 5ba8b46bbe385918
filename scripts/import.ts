/**
 * npm run import -- <file.csv> [--apply] [--codes=<codes.csv>] [--lang=da|en]
 *
 * Brings in an existing caseload (the same checks and writing as /staff/admin/import): without
 * --apply it is a dry run that prints what would be created or changed, or every error with its
 * row and column. With --apply a valid file is written (nothing at all when any row is wrong) and
 * the sign-in codes of the people made are written to a CSV file for the coordinator (default
 * <file>-codes.csv; never over an existing file). Works on DATABASE_PATH (default
 * ./data/minvej.db), migrated first; safe while the server runs. Acts for no logged-in person: the
 * audit rows say "the command-line import".
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openDatabase } from '../src/lib/server/db/client';
import { useDatabase } from '../src/lib/server/db';
import { config } from '../src/lib/server/config';
import { applyFile, checkFile, COMMAND_LINE } from '../src/lib/server/admin';
import { importErrorText } from '../src/lib/shared/import-errors';
import { m } from '../src/lib/paraglide/messages.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const locale = option('lang') === 'en' ? 'en' : 'da';
if (!file) {
	console.error('Usage: npm run import -- <file.csv> [--apply] [--codes=<codes.csv>] [--lang=da|en]');
	process.exit(2);
}
if (!existsSync(file)) {
	console.error(`import: no file ${file}`);
	process.exit(2);
}
const codesFile = option('codes') ?? file.replace(/(\.csv)?$/i, '-codes.csv');
if (args.includes('--apply') && existsSync(codesFile)) {
	console.error(`import: ${codesFile} exists already; choose another with --codes=<file>`);
	process.exit(2);
}

const database = openDatabase(config.databasePath, { migrationsFolder: config.migrationsFolder });
useDatabase(database);
const options = { locale } as const;
try {
	const { check, text } = checkFile(COMMAND_LINE, readFileSync(file));
	if (!text) {
		console.log(m.import_errors_heading({ count: check.errors.length }, options));
		for (const error of check.errors) console.log(`  ${importErrorText(error, locale)}`);
		process.exitCode = 1;
	} else {
		console.log(`${basename(file)}: ${m.import_counts(check.counts, options)}`);
		for (const p of check.plan.filter((row) => row.action !== 'unchanged'))
			console.log(
				`  ${p.row}: ${p.name} (${p.externalId}) – ${p.action === 'create' ? m.import_action_create({}, options) : m.import_action_change({ fields: p.changes.join(', ') }, options)}`
			);
		if (args.includes('--apply')) {
			const result = applyFile(COMMAND_LINE, text);
			if (!result.ok) {
				for (const error of result.check.errors) console.log(`  ${importErrorText(error, locale)}`);
				process.exitCode = 1;
			} else {
				console.log(m.import_done(result.counts, options));
				if (result.codes.length) {
					const cell = (value: string) => (/[",;\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
					const lines = [
						['type', 'external_id', 'name', 'code', 'expires'],
						...result.codes.map((c) => [c.type, c.externalId, c.name, c.code, c.expiresAt.toISOString().slice(0, 10)])
					];
					writeFileSync(codesFile, '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n', { flag: 'wx', mode: 0o600 });
					console.log(`${m.import_codes_heading({}, options)}: ${codesFile} (/invite/<code>)`);
				}
			}
		} else if (check.counts.create + check.counts.change) console.log('(dry run: add --apply to import)');
	}
} finally {
	database.$client.close();
}
