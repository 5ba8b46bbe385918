import { beforeEach, describe, expect, it } from 'vitest';
import { recordAccess } from '../access';
import { exportMyData } from './transparency';
import { readableMyData } from './readable';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

let db: Db;
const who = (username: string) => demoUser(db, username);

beforeEach(async () => {
	db = await freshDemoDatabase();
});

/** Every string anywhere in a value (object keys too), to look for ids. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object' && !(value instanceof Date)) return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
	return [];
}

describe('my data to read', () => {
	it('holds what the JSON holds, in names and words, and no internal id', () => {
		const freja = who('freja');
		recordAccess(who('mette'), freja.id, 'plan');
		const readable = readableMyData(freja, freja.id)!;
		const json = exportMyData(freja, freja.id)!;
		expect(readable.person).toMatchObject({ name: 'Freja Nielsen', username: 'freja' });
		expect(readable.plan!.goal).toBe(json.plan!.goalText);
		expect(readable.plan!.steps.map((s) => s.title)).toEqual(json.plan!.steps.map((s) => s.title));
		expect(readable.messages.map((msg) => msg.text)).toEqual(json.messages.messages.map((msg) => msg.body));
		expect(readable.messages.some((msg) => msg.fromMe) && readable.messages.some((msg) => msg.from === 'Mette Larsen')).toBe(true);
		expect(readable.guides.map((g) => g.name)).toContain('Mette Larsen');
		expect(readable.parents).toContain('Karen Nielsen');
		expect(readable.consents.length).toBe(json.consent.records.length);
		expect(readable.looks.some((l) => l.name === 'Mette Larsen')).toBe(true);

		// No id of any row or person the JSON names appears anywhere in the readable data.
		const ids = new Set<string>([freja.id, ...Object.keys(json.people)]);
		for (const list of [
			json.plan!.steps,
			json.plan!.meetings,
			json.messages.messages,
			json.messages.threads,
			json.consent.records,
			json.checkins.checkins,
			json.accessLog
		])
			for (const row of list as { id?: string }[]) if (row.id) ids.add(row.id);
		expect(ids.size).toBeGreaterThan(10);
		const text = strings(readable);
		for (const id of ids)
			expect(
				text.filter((t) => t.includes(id)),
				id
			).toEqual([]);
	});

	it('is for the young person alone, as the JSON is', () => {
		const freja = who('freja');
		expect(readableMyData(who('mette'), freja.id)).toBeNull();
		expect(readableMyData(who('karen'), freja.id)).toBeNull();
		expect(readableMyData(who('noah'), freja.id)).toBeNull();
	});
});
