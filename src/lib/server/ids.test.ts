import { describe, expect, it } from 'vitest';
import { decodeTime } from 'ulid';
import { newId, newTimeOrderedId } from './ids';

describe('ids', () => {
	it('makes random ids of the asked size', () => {
		expect(newId()).toMatch(/^[a-z2-7]{24}$/);
		expect(newId(5)).toMatch(/^[a-z2-7]{8}$/);
	});

	it('makes time-ordered ids that sort by the millisecond they were made, unique and in order in a tight loop', async () => {
		const before = Date.now();
		const ids = Array.from({ length: 20_000 }, () => newTimeOrderedId());
		const after = Date.now();
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort()).toEqual(ids);
		for (const id of [ids[0]!, ids.at(-1)!]) {
			expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
			expect(decodeTime(id)).toBeGreaterThanOrEqual(before);
			expect(decodeTime(id)).toBeLessThanOrEqual(after);
		}
		await new Promise((r) => setTimeout(r, 2));
		const later = newTimeOrderedId();
		expect(later > ids.at(-1)!).toBe(true);
		expect(decodeTime(later)).toBeGreaterThan(decodeTime(ids[0]!));
	});
});
