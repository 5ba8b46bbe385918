import { readdirSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { CASELOAD_INDEX_FILL, CASELOAD_INDEX_TRIGGERS } from './caseload-index';
import { caseloadIndex, checkins, guideAssignments, planSteps, plans, users, youthStatusHistory } from './schema';
import { nameKey } from './schema/name-key';
import { demoUser, freshDemoDatabase, MIGRATIONS } from '../testing';
import { newId } from '../ids';
import type { Db } from '.';

let db: Db;
beforeEach(async () => {
	db = await freshDemoDatabase();
});

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();
const rows = () => db.select().from(caseloadIndex).orderBy(caseloadIndex.youthId).all();

/** The index as the triggers left it equals the index made from scratch. */
function expectFresh() {
	const kept = rows();
	db.$client.exec(`DELETE FROM caseload_index; ${CASELOAD_INDEX_FILL}`);
	expect(kept).toEqual(rows());
}

describe('caseload_index', () => {
	it('is made by the newest migration that touches it with exactly the triggers and the fill written in caseload-index.ts', () => {
		const file = readdirSync(MIGRATIONS)
			.filter((f) => f.includes('caseload_index'))
			.sort()
			.at(-1)!;
		const migration = squash(readFileSync(`${MIGRATIONS}/${file}`, 'utf8'));
		for (const statement of [...CASELOAD_INDEX_TRIGGERS, CASELOAD_INDEX_FILL]) expect(migration).toContain(squash(statement));
		const triggers = db.$client
			.prepare("select count(*) from sqlite_master where type = 'trigger' and name like 'caseload_index_%'")
			.pluck()
			.get();
		expect(triggers).toBe(CASELOAD_INDEX_TRIGGERS.length);
	});

	it('has one row per young person from the seed, equal to a fresh fill', () => {
		const youth = db.select({ id: users.id }).from(users).where(eq(users.role, 'youth')).all();
		expect(rows().map((r) => r.youthId)).toEqual(youth.map((y) => y.id).sort());
		expectFresh();
	});

	it('follows every table its facts come from, whoever writes them', () => {
		const freja = demoUser(db, 'freja');
		const noah = demoUser(db, 'noah');
		const jonas = demoUser(db, 'jonas');
		const now = new Date();
		// A new young person, renamed and given a guide; another one disabled.
		const id = newId();
		db.insert(users).values({ id, username: 'ny-ung', displayName: 'Åse Ørum', role: 'youth', birthDate: '2009-04-01' }).run();
		expect(rows().find((r) => r.youthId === id)).toMatchObject({ nameKey: nameKey('Åse Ørum'), guideId: null, status: 'unknown' });
		db.update(users).set({ displayName: 'Æble Ås' }).where(eq(users.id, id)).run();
		db.insert(guideAssignments).values({ id: newId(), youthId: id, guideId: jonas.id, startedAt: now }).run();
		db.update(users).set({ disabledAt: now }).where(eq(users.id, noah.id)).run();
		// Freja: a new status, a step overdue, her plan changed, a check-in answered and one missed.
		db.insert(youthStatusHistory).values({ id: newId(), youthId: freja.id, status: 'work', createdAt: now }).run();
		const plan = db.select().from(plans).where(eq(plans.youthId, freja.id)).get()!;
		db.update(plans)
			.set({ version: plan.version + 1 })
			.where(eq(plans.id, plan.id))
			.run();
		const step = db.select().from(planSteps).where(eq(planSteps.planId, plan.id)).all()[0]!;
		db.update(planSteps).set({ status: 'doing', dueDate: '2020-01-01' }).where(eq(planSteps.id, step.id)).run();
		db.insert(checkins).values({ id: newId(), youthId: freja.id, dueOn: '2020-01-01', answeredAt: now, score: 2 }).run();
		db.insert(checkins).values({ id: newId(), youthId: freja.id, dueOn: '2020-01-08' }).run();
		expect(rows().find((r) => r.youthId === freja.id)).toMatchObject({
			status: 'work',
			planAgreement: 'stale',
			overdueFrom: '2020-01-01',
			checkinScore: 2,
			checkinMissedAfter: '2020-01-14'
		});
		expect(rows().find((r) => r.youthId === noah.id)?.disabled).toBe(true);
		expect(rows().find((r) => r.youthId === id)?.guideId).toBe(jonas.id);
		// Steps removed, the assignment ended: the facts follow.
		db.delete(planSteps).where(eq(planSteps.id, step.id)).run();
		db.update(guideAssignments).set({ endedAt: now }).where(eq(guideAssignments.youthId, id)).run();
		expect(rows().find((r) => r.youthId === id)?.guideId).toBeNull();
		expectFresh();
	});

	it('sorts names the Danish way: æ, ø, å after z', () => {
		const names = ['Åse', 'Zenia', 'Øjvind', 'Ærø', 'anna', 'Bo', 'Émile'];
		expect([...names].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1))).toEqual(['anna', 'Bo', 'Émile', 'Zenia', 'Ærø', 'Øjvind', 'Åse']);
	});
});
