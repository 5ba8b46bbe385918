// npm run backup -- <file>
// A consistent copy of the live database (DATABASE_PATH, default ./data/minvej.db), taken while the
// server keeps writing: VACUUM INTO copies the whole database inside one read transaction, so it
// ends in a time bounded by the database's size whatever the write load. The copy is checked
// (integrity_check, foreign_key_check) before it gets its name; an existing file is never
// overwritten. The attachment files the copy refers to are copied from DATA_DIR (default
// ./data/files) into <file>.files/ beside it. Prints how big the copy is and how long it took.
// Exits 1 when it fails, and also when the copy refers to files DATA_DIR lacks (the backup is
// kept, and the line names them). The logic is in src/lib/server/backup (shared with the server's
// scheduled backups), hence `node --import tsx`.
import { BackupError, describeBackup, takeBackup } from '../src/lib/server/backup/index.ts';

const source = process.env.DATABASE_PATH ?? './data/minvej.db';
const target = process.argv[2];
if (!target) {
	console.error('Usage: npm run backup -- <file>   (copies DATABASE_PATH, default ./data/minvej.db)');
	process.exit(2);
}
try {
	const report = await takeBackup(source, target);
	if (report.missingFiles.length) {
		console.error(`backup: kept, but INCOMPLETE: ${describeBackup(report)}`);
		process.exit(1);
	}
	console.log(`backup: ${describeBackup(report)}`);
} catch (error) {
	console.error(`backup: ${error instanceof BackupError ? error.message : error}`);
	process.exit(1);
}
