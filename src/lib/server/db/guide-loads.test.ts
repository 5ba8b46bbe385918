import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { GUIDE_LOAD_FILL, GUIDE_LOAD_TRIGGERS } from './guide-loads';
import { guideAssignments, guideProfiles, users } from './schema';
import { demoUser, freshDemoDatabase, migratedTriggers, squash } from '../testing';
import { newId } from '../ids';
import type { Db } from '.';

let db: Db;
beforeEach(async () => {
	db = await freshDemoDatabase();
});

const loads = () =>
	Object.fromEntries(
		db
			.select({ id: guideProfiles.userId, n: guideProfiles.currentYouth })
			.from(guideProfiles)
			.orderBy(guideProfiles.userId)
			.all()
			.map((r) => [r.id, r.n])
	);

/** The counts the triggers kept equal the counts made from scratch, and are what the app counts. */
function expectFresh() {
	const kept = loads();
	const counted = Object.fromEntries(
		Object.keys(kept).map((id) => [
			id,
			db
				.select({ id: guideAssignments.id })
				.from(guideAssignments)
				.where(and(eq(guideAssignments.guideId, id), isNull(guideAssignments.endedAt)))
				.all().length
		])
	);
	expect(kept).toEqual(counted);
	db.$client.exec(`UPDATE guide_profiles SET current_youth = -1; ${GUIDE_LOAD_FILL}`);
	expect(loads()).toEqual(kept);
}

describe('guide_profiles.current_youth', () => {
	it('is made by the migration that added it, with exactly the triggers and the fill written in guide-loads.ts', () => {
		const { migration, triggers } = migratedTriggers(db, 'current_youth', 'guide_loads_');
		for (const statement of [...GUIDE_LOAD_TRIGGERS, GUIDE_LOAD_FILL]) expect(migration).toContain(squash(statement));
		expect(triggers).toBe(GUIDE_LOAD_TRIGGERS.length);
	});

	it('counts the seed’s young people per guide', () => {
		const mette = demoUser(db, 'mette');
		expect(loads()[mette.id]).toBeGreaterThan(0);
		expectFresh();
	});

	it('follows every assignment that starts, ends, moves or goes, and a profile made later', () => {
		const mette = demoUser(db, 'mette');
		const jonas = demoUser(db, 'jonas');
		const freja = demoUser(db, 'freja');
		const before = loads();
		const now = new Date();
		// Freja moves from Mette to Jonas (the assignment ends, a new one starts).
		db.update(guideAssignments)
			.set({ endedAt: now })
			.where(and(eq(guideAssignments.youthId, freja.id), isNull(guideAssignments.endedAt)))
			.run();
		db.insert(guideAssignments).values({ id: newId(), youthId: freja.id, guideId: jonas.id, startedAt: now }).run();
		expect(loads()[mette.id]).toBe(before[mette.id]! - 1);
		expect(loads()[jonas.id]).toBe(before[jonas.id]! + 1);
		expectFresh();
		// The row itself moved to another guide (a correction), then deleted.
		const row = db
			.select()
			.from(guideAssignments)
			.where(and(eq(guideAssignments.youthId, freja.id), isNull(guideAssignments.endedAt)))
			.get()!;
		db.update(guideAssignments).set({ guideId: mette.id }).where(eq(guideAssignments.id, row.id)).run();
		expect(loads()[mette.id]).toBe(before[mette.id]);
		expect(loads()[jonas.id]).toBe(before[jonas.id]);
		db.delete(guideAssignments).where(eq(guideAssignments.id, row.id)).run();
		expect(loads()[mette.id]).toBe(before[mette.id]! - 1);
		expectFresh();
		// A guide who has young people before their profile is made starts at that count.
		const id = newId();
		db.insert(users).values({ id, username: 'ny-guide', displayName: 'Ny Guide', role: 'guide' }).run();
		db.insert(guideAssignments).values({ id: newId(), youthId: freja.id, guideId: id, startedAt: now }).run();
		db.insert(guideProfiles).values({ userId: id, title: 'Vejleder' }).run();
		expect(loads()[id]).toBe(1);
		expectFresh();
	});
});
