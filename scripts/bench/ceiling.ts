/** Starts scripts/bench/ceiling-server.js (plain Node http) in its own process with this HTML. */
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startCeiling(port: number, html: Buffer): Promise<{ url: string; stop(): Promise<void> }> {
	const file = join(tmpdir(), `minvej-bench-ceiling-${process.pid}.html`);
	writeFileSync(file, html);
	const child = fork('scripts/bench/ceiling-server.js', [String(port), file], { execArgv: [] });
	await new Promise<void>((resolve, reject) => {
		child.once('message', () => resolve());
		child.once('exit', (code) => reject(new Error(`the ceiling server stopped (${code})`)));
	});
	return {
		url: `http://127.0.0.1:${port}/`,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
