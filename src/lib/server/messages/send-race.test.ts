import { describe, expect, it, onTestFinished } from 'vitest';
import { eq } from 'drizzle-orm';
import { messages, messageThreads } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import { killGroup, spawnGroup, withTimeout } from '../process-groups.testing';

/**
 * Starts one racing process (in its own process group, killed when the test ends however it ends)
 * and resolves once it is ready; `go()` lets it send.
 */
function racer(args: string[]) {
	const child = spawnGroup(process.execPath, ['--import', 'tsx', 'src/lib/server/messages/send-race.ts', ...args], {
		stdio: ['pipe', 'pipe', 'inherit']
	});
	onTestFinished(() => killGroup(child));
	let out = '';
	const ready = new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.startsWith('ready\n')) resolve();
		});
		child.on('exit', (code) => (code ? reject(new Error(`racer exited with ${code}`)) : undefined));
	});
	const done = new Promise<Array<{ id?: string; seq?: number; duplicate?: boolean; error?: string }>>((resolve, reject) => {
		child.on('exit', (code) =>
			code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length))) : reject(new Error(`racer exited with ${code}`))
		);
	});
	const bounded = { ready: withTimeout(ready, 40_000, 'a racer to start'), done: withTimeout(done, 40_000, 'a racer to finish') };
	// Observed here too, so that a racer failing before the test awaits it is reported once, by the test.
	for (const p of Object.values(bounded)) p.catch(() => undefined);
	return { ...bounded, go: () => child.stdin!.write('go\n') };
}

describe('sending one client id from separate processes', () => {
	it('stores it once when six processes send it ten times each at the same moment', async () => {
		const database = await freshDemoDatabase();
		const path = database.$client.name;
		const clientId = crypto.randomUUID();
		const racers = Array.from({ length: 6 }, () => racer([path, 'freja', 'freja', clientId, 'Fra mange processer', '10']));
		await Promise.all(racers.map((r) => r.ready));
		for (const r of racers) r.go();
		const answers = (await Promise.all(racers.map((r) => r.done))).flat();

		expect(answers).toHaveLength(60);
		expect(answers.every((a) => a.id && !a.error)).toBe(true);
		expect(new Set(answers.map((a) => a.id)).size).toBe(1);
		expect(answers.filter((a) => a.duplicate === false)).toHaveLength(1);
		const stored = database.select().from(messages).where(eq(messages.clientId, clientId)).all();
		expect(stored).toHaveLength(1);
		const freja = demoUser(database, 'freja');
		expect(database.select().from(messageThreads).where(eq(messageThreads.youthId, freja.id)).get()!.lastSeq).toBe(4);
	}, 60_000);
});
