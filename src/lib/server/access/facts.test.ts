/**
 * The actor's relation to a young person is read once per request (the layout, the page and the
 * policy all ask), and a write in the same request (a form action) makes the rest of it read afresh.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { runRequest, type Db } from '../db';
import { withdrawConsent, wordingVersionFor } from '../consent';
import { demoUser, freshDemoDatabase } from '../testing';
import { relationOf, relationsOf } from './facts';

let db: Db;
const who = (u: string) => demoUser(db, u);

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('the relation between an actor and a young person', () => {
	it('is read once per request and shared by every ask', async () => {
		const { result } = await runRequest(async () => {
			const first = relationOf(who('ali'), who('freja').id);
			const again = relationsOf(who('ali'), [who('freja').id, who('oliver').id]);
			return { first, again };
		});
		expect(result.first.departmentKinds).toContain('plan');
		expect(result.again.get(who('freja').id)).toBe(result.first);
		expect(result.again.get(who('oliver').id)?.departmentKinds ?? []).not.toContain('plan');
		// Not a young person: no relation, also when asked again.
		const { result: none } = await runRequest(async () => [
			relationsOf(who('ali'), [who('mette').id]).size,
			relationsOf(who('ali'), [who('mette').id]).size
		]);
		expect(none).toEqual([0, 0]);
	});

	it('is read afresh after a write in the same request: a withdrawal shows in the page rendered after it', async () => {
		const { result } = await runRequest(async () => {
			const before = relationOf(who('ali'), who('freja').id).departmentKinds;
			await withdrawConsent(who('freja'), who('freja').id, {
				recipient: 'department:jobcenter',
				wording: wordingVersionFor('da'),
				locale: 'da'
			});
			const after = relationOf(who('ali'), who('freja').id).departmentKinds;
			return { before, after };
		});
		expect(result.before).toContain('plan');
		expect(result.after).not.toContain('plan');
	});

	it('is never kept from one request to the next', async () => {
		const first = await runRequest(async () => relationOf(who('ali'), who('freja').id));
		const second = await runRequest(async () => relationOf(who('ali'), who('freja').id));
		expect(second.result).not.toBe(first.result);
		expect(second.result).toEqual(first.result);
	});
});
