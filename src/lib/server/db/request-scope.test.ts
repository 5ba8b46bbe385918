import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { addToBatch, forgetPerRequest, noteStatement, oncePerRequest, runRequest, startBatch, takeBatch } from './request-scope';

describe('a request’s scope', () => {
	it('counts each request’s own statements, also when requests interleave, and nothing outside one', async () => {
		const database = openDatabase(':memory:', { onStatement: noteStatement });
		const sqlite = database.$client;
		sqlite.exec('create table t (n integer)');
		const insert = sqlite.prepare('insert into t (n) values (?)');
		const pause = () => new Promise((r) => setTimeout(r, 5));

		const [a, b] = await Promise.all([
			runRequest(async () => {
				for (let i = 0; i < 3; i++) {
					insert.run(i);
					await pause();
				}
				return 'a';
			}),
			runRequest(async () => {
				await pause();
				insert.run(10);
				return sqlite.prepare('select count(*) as n from t').get();
			})
		]);
		expect(a).toEqual({ result: 'a', statements: 3 });
		expect(b.statements).toBe(2);
		// Outside a request nothing is counted and nothing fails.
		insert.run(99);
		const c = await runRequest(async () => sqlite.prepare('select 1').get());
		expect(c.statements).toBe(1);
		sqlite.close();
	});

	it('reads a fact once per request, afresh after a write, and never across requests', async () => {
		let reads = 0;
		const read = () => ++reads;
		const first = await runRequest(async () => {
			const a = oncePerRequest('settings', read);
			await new Promise((r) => setTimeout(r, 1));
			const b = oncePerRequest('settings', read);
			forgetPerRequest('settings');
			const c = oncePerRequest('settings', read);
			return [a, b, c];
		});
		expect(first.result).toEqual([1, 1, 2]);
		const second = await runRequest(async () => oncePerRequest('settings', read));
		expect(second.result).toBe(3);
		// Outside a request (tests, scripts, the scheduler): every call reads.
		expect([oncePerRequest('settings', read), oncePerRequest('settings', read)]).toEqual([4, 5]);
	});

	it('forgets what the request read once when the request writes, but not for a read or an access-log entry', async () => {
		const database = openDatabase(':memory:');
		const sqlite = database.$client;
		sqlite.exec('create table facts (n integer); create table access_log (n integer)');
		let reads = 0;
		const read = () => ++reads;
		const { result } = await runRequest(async () => {
			const seen = [oncePerRequest('fact', read)];
			sqlite.prepare('select count(*) from facts').get();
			sqlite.prepare('insert into "access_log" (n) values (?)').run(1);
			seen.push(oncePerRequest('fact', read));
			sqlite.prepare('insert into facts (n) values (?)').run(1);
			seen.push(oncePerRequest('fact', read));
			// The same statement again (handed out from the cache) still tells.
			sqlite.prepare('update facts set n = ?').run(2);
			sqlite.prepare('update facts set n = ?').run(3);
			seen.push(oncePerRequest('fact', read));
			return seen;
		});
		expect(result).toEqual([1, 1, 2, 3]);
		sqlite.close();
	});

	it('keeps a batch only once started, for its own request, until it is taken', async () => {
		// Outside a request, and in a request that started none: nothing is kept (write it now).
		startBatch('log');
		expect(addToBatch('log', 1)).toBe(false);
		expect(takeBatch('log')).toEqual([]);
		const pause = () => new Promise((r) => setTimeout(r, 2));
		const [a, b] = await Promise.all([
			runRequest(async () => {
				expect(addToBatch('log', 'a0')).toBe(false);
				startBatch('log');
				expect(addToBatch('log', 'a1')).toBe(true);
				await pause();
				expect(addToBatch('log', 'a2')).toBe(true);
				const taken = takeBatch<string>('log');
				// Taken is closed: what comes after is written at once.
				expect(addToBatch('log', 'a3')).toBe(false);
				return taken;
			}),
			runRequest(async () => {
				startBatch('log');
				await pause();
				expect(addToBatch('log', 'b1')).toBe(true);
				expect(addToBatch('other', 'b2')).toBe(false);
				return takeBatch<string>('log');
			})
		]);
		expect(a.result).toEqual(['a1', 'a2']);
		expect(b.result).toEqual(['b1']);
	});
});
