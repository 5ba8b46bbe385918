import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { countStatementsOf, noteStatement } from './statement-count';

describe('counting statements per request', () => {
	it('counts each request’s own statements, also when requests interleave, and nothing outside one', async () => {
		const database = openDatabase(':memory:', { onStatement: noteStatement });
		const sqlite = database.$client;
		sqlite.exec('create table t (n integer)');
		const insert = sqlite.prepare('insert into t (n) values (?)');
		const pause = () => new Promise((r) => setTimeout(r, 5));

		const [a, b] = await Promise.all([
			countStatementsOf(async () => {
				for (let i = 0; i < 3; i++) {
					insert.run(i);
					await pause();
				}
				return 'a';
			}),
			countStatementsOf(async () => {
				await pause();
				insert.run(10);
				return sqlite.prepare('select count(*) as n from t').get();
			})
		]);
		expect(a).toEqual({ result: 'a', statements: 3 });
		expect(b.statements).toBe(2);
		// Outside a request nothing is counted and nothing fails.
		insert.run(99);
		const c = await countStatementsOf(async () => sqlite.prepare('select 1').get());
		expect(c.statements).toBe(1);
		sqlite.close();
	});
});
