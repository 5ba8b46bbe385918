/**
 * Child processes for tests (Vitest and Playwright): each is started in its own process group, so
 * that one kill ends it and everything it started, and every wait on one has a time limit. A test
 * that starts a process registers `killGroup` where it runs on failure and timeout too
 * (`onTestFinished`, `afterAll`, a fixture's teardown), so no process outlives its test.
 * `scripts/run-without-leftovers.js` checks after the run that none did.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Starts `command` detached, as the leader of a new process group. Never outlives this process. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
	const child = spawn(command, args, { ...options, detached: true });
	const orphan = () => killGroup(child);
	process.once('exit', orphan);
	child.once('exit', () => process.off('exit', orphan));
	return child;
}

/** SIGKILLs the child's whole process group (it and whatever it started). Safe to call twice. */
export function killGroup(child: ChildProcess | undefined) {
	if (!child?.pid) return;
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		// the group is gone already
	}
}

/** Whether any process of the child's group is still alive. */
export function groupAlive(child: ChildProcess): boolean {
	if (!child.pid) return false;
	try {
		process.kill(-child.pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Resolves with the exit code (or the signal) once the child exits; rejects after `timeoutMs`. */
export function exited(child: ChildProcess, timeoutMs: number): Promise<number | NodeJS.Signals> {
	if (child.exitCode !== null) return Promise.resolve(child.exitCode);
	if (child.signalCode !== null) return Promise.resolve(child.signalCode);
	return withTimeout(
		new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 0))),
		timeoutMs,
		`process ${child.pid} to exit`
	);
}

/** The promise, or a rejection naming what was awaited once `ms` have passed. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs a command to its end (output collected), killing its group if it takes longer than `timeoutMs`. */
export async function runToEnd(
	command: string,
	args: readonly string[],
	options: SpawnOptions & { timeoutMs: number; onStart?: (child: ChildProcess) => void }
): Promise<{ code: number | NodeJS.Signals; stdout: string; stderr: string }> {
	const { timeoutMs, onStart, ...spawnOptions } = options;
	const child = spawnGroup(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
	onStart?.(child);
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	// 'close', not 'exit': the output is read to its end.
	const closed = new Promise<number | NodeJS.Signals>((resolve) => child.once('close', (code, signal) => resolve(code ?? signal ?? 0)));
	try {
		const code = await withTimeout(closed, timeoutMs, 'the command to finish');
		return { code, stdout, stderr };
	} catch (error) {
		killGroup(child);
		throw new Error(`${(error as Error).message}: ${command} ${args.join(' ')}\n${stdout}\n${stderr}`);
	}
}
