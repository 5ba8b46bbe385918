// node scripts/run-without-leftovers.js <command> [args…]   (npm run test:unit, npm run test:e2e)
//
// Runs a test command and then checks that it left no process behind. The command runs with
// MINVEJ_TEST_RUN=<this checkout>#<a new random id> in its environment, which every process it
// starts inherits (servers, writers, browsers, their children). Once the command has ended, any
// process still carrying this run's id is a leftover: it is listed, killed (by its pid) and the
// run fails. Processes of other checkouts or other runs (other engineers' tests on the same
// machine) carry another id, or none, and are never touched.
//
// Linux only (it reads /proc/<pid>/environ); elsewhere it runs the command and says it cannot check.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
	console.error('Usage: node scripts/run-without-leftovers.js <command> [args…]');
	process.exit(2);
}

const MARK = `MINVEJ_TEST_RUN=${process.cwd()}#${randomUUID()}`;
const [name, value] = [MARK.slice(0, MARK.indexOf('=')), MARK.slice(MARK.indexOf('=') + 1)];

/** Live processes (not this one) whose environment carries this run's mark: pid and command line. */
function leftovers() {
	const found = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
		try {
			const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
			if (!environ.split('\0').includes(MARK)) continue;
			// A zombie has already ended (it only waits for its parent to read its status).
			if (/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${entry}/stat`, 'latin1'))) continue;
			const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').join(' ').trim();
			found.push({ pid: Number(entry), cmdline });
		} catch {
			// gone meanwhile, or not ours to read
		}
	}
	return found;
}

const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, [name]: value } });
// Ctrl-C and a CI stop reach the command; the check still runs when it has ended.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
const code = await new Promise((resolve) => {
	child.once('error', (error) => {
		console.error(`run-without-leftovers: could not start ${command}: ${error.message}`);
		resolve(1);
	});
	child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
});

if (!existsSync('/proc/self/environ')) {
	console.log('run-without-leftovers: no /proc here, so leftover processes were not checked.');
	process.exit(code);
}

// Processes told to stop just now (a server on SIGTERM) get a few seconds to go.
let left = leftovers();
for (let waited = 0; left.length && waited < 10_000; waited += 250) {
	await new Promise((r) => setTimeout(r, 250));
	left = leftovers();
}
if (left.length) {
	console.error(
		`\nrun-without-leftovers: ${left.length} process(es) started by "${[command, ...args].join(' ')}" were still alive after it ended:`
	);
	for (const p of left) console.error(`  pid ${p.pid}: ${p.cmdline.slice(0, 300)}`);
	for (const p of left) {
		try {
			process.kill(p.pid, 'SIGKILL');
		} catch {
			// gone meanwhile
		}
	}
	console.error('They have been killed now. Every test that starts a process must end it, on failure and timeout too.');
	process.exit(code || 1);
}
console.log(`run-without-leftovers: no process of this run is left (${command}).`);
process.exit(code);
