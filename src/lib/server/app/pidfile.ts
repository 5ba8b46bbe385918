import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Marks the database as in use by this server (`<database>.pid`), so that `npm run restore`
 * refuses to replace it underneath a running server. Removed again on a normal exit.
 */
export function writePidFile(databasePath: string) {
	const file = `${resolve(databasePath)}.pid`;
	writeFileSync(file, String(process.pid));
	process.once('exit', () => rmSync(file, { force: true }));
}
