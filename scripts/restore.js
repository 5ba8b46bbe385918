// npm run restore -- <backup file>
// Puts a backup made by `npm run backup` (or by the server's schedule) in place of DATABASE_PATH
// (default ./data/minvej.db), and its attachment files (<backup file>.files/) in place of DATA_DIR
// (default ./data/files). Stop the server first: the restore refuses while a server has the
// database open (it writes <database>.pid). The backup is checked before anything is replaced; the
// database and the files folder it replaces are kept beside them as <name>.before-restore-<time>.
// The logic is in src/lib/server/backup, hence `node --import tsx`.
import { formatBytes, RestoreError, restoreBackup } from '../src/lib/server/backup/index.ts';

const target = process.env.DATABASE_PATH ?? './data/minvej.db';
const backup = process.argv[2];
if (!backup) {
	console.error('Usage: npm run restore -- <backup file>   (replaces DATABASE_PATH; stop the server first)');
	process.exit(2);
}
try {
	const report = await restoreBackup(backup, target);
	console.log(`restore: ${report.backup} → ${report.target}${report.keptAs ? ` (the replaced database is kept as ${report.keptAs})` : ''}`);
	console.log(
		`restore: ${report.files} attachment files (${formatBytes(report.filesBytes)}) → ${report.filesDir}` +
			(report.filesKeptAs ? ` (the replaced files folder is kept as ${report.filesKeptAs})` : '')
	);
	if (report.missingFiles.length) {
		// The backup's own report said so when it was taken; the restore is done.
		console.error(
			`restore: ${report.missingFiles.length} attachment files were not in the backup and will not open: ${report.missingFiles.join(', ')}`
		);
	}
} catch (error) {
	console.error(`restore: ${error instanceof RestoreError ? error.message : error}`);
	process.exit(1);
}
