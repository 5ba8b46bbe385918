import { beforeEach, describe, expect, it } from 'vitest';
import { deadlineCounts, deadlinesOf, deadlinesToNotify, meetDeadline, nextDeadlines } from './deadlines';
import { setStatus } from '../followup';
import { startOfDayIn } from '../dates';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

/** 10:00 in Copenhagen on the date. */
const at = (iso: string) => new Date(startOfDayIn(iso).getTime() + 10 * 3_600_000);
const FRIDAY = at('2026-11-13');

let db: Db;
const who = (u: string) => demoUser(db, u);
beforeEach(async () => {
	db = await freshDemoDatabase(FRIDAY);
});

const dropOut = (username: string, guide: string, now = FRIDAY) =>
	setStatus(who(guide), who(username).id, { status: 'no_attachment', detail: 'Stoppet på EUD' }, now);

describe('a 16-year-old drops out', () => {
	it('starts a contact deadline in 5 working days and an offer deadline in 30 days', () => {
		expect(dropOut('oliver', 'sofie')).toEqual({ ok: true });
		const list = deadlinesOf(who('sofie'), who('oliver').id, at('2026-11-18'))!;
		expect(
			list.map(({ kind, startedOn, dueOn, state, workdaysLeft, canMeet }) => ({ kind, startedOn, dueOn, state, workdaysLeft, canMeet }))
		).toEqual([
			// Friday 13 November: the next Friday.
			{ kind: 'contact', startedOn: '2026-11-13', dueOn: '2026-11-20', state: 'open', workdaysLeft: 2, canMeet: true },
			// The 30th day is Sunday 13 December: the Monday after.
			{ kind: 'offer', startedOn: '2026-11-13', dueOn: '2026-12-14', state: 'open', workdaysLeft: 18, canMeet: true }
		]);
		expect(deadlinesOf(who('sofie'), who('oliver').id, at('2026-11-23'))![0]).toMatchObject({ state: 'overdue', workdaysLeft: -1 });
		expect(nextDeadlines([who('oliver').id, who('freja').id], at('2026-11-23'))).toEqual(
			new Map([[who('oliver').id, { kind: 'contact', dueOn: '2026-11-20', workdaysLeft: -1, overdue: true }]])
		);
	});

	it('starts nothing for an adult, or when the status was already "no attachment"', () => {
		dropOut('ida', 'sofie');
		expect(deadlinesOf(who('sofie'), who('ida').id, FRIDAY)).toEqual([]);
		dropOut('oliver', 'sofie');
		dropOut('oliver', 'sofie', at('2026-11-16'));
		expect(deadlinesOf(who('sofie'), who('oliver').id, FRIDAY)).toHaveLength(2);
	});

	it('is met once by the guide; a new activity meets the offer; late and missed are told apart', () => {
		dropOut('oliver', 'sofie');
		const [contact] = deadlinesOf(who('sofie'), who('oliver').id, FRIDAY)!;
		expect(() => meetDeadline(who('mette'), who('oliver').id, contact!.id, at('2026-11-23'))).toThrow();
		expect(meetDeadline(who('sofie'), who('oliver').id, contact!.id, at('2026-11-23'))).toEqual({ ok: true });
		expect(meetDeadline(who('sofie'), who('oliver').id, contact!.id, at('2026-11-23'))).toEqual({ ok: false, problem: 'gone' });
		setStatus(who('sofie'), who('oliver').id, { status: 'preparatory', detail: 'FGU' }, at('2026-12-01'));
		const list = deadlinesOf(who('sofie'), who('oliver').id, at('2026-12-02'))!;
		expect(list.map((d) => [d.kind, d.state, d.canMeet])).toEqual([
			['contact', 'late', false],
			['offer', 'met', false]
		]);
		// freja (17) drops out too and nobody meets hers.
		dropOut('freja', 'mette');
		expect(deadlineCounts('2026-11-01', '2026-12-31', at('2026-12-20'))).toEqual({
			contact: { met: 0, late: 1, missed: 1, open: 0 },
			offer: { met: 1, late: 0, missed: 1, open: 0 }
		});
	});

	it('is shown only to those who may see the status', () => {
		dropOut('oliver', 'sofie');
		expect(deadlinesOf(who('mette'), who('oliver').id, FRIDAY)).toBeNull();
		expect(deadlinesOf(who('karen'), who('oliver').id, FRIDAY)).toBeNull();
		expect(deadlinesOf(who('lone'), who('oliver').id, FRIDAY)![0]!.canMeet).toBe(false);
	});
});

describe('notices', () => {
	it('reminds the guide the working day before, tells the coordinator once it is overdue, each once', () => {
		dropOut('oliver', 'sofie');
		const oliver = who('oliver').id;
		expect(deadlinesToNotify(at('2026-11-18'))).toEqual({ remind: [], escalate: [] });
		expect(deadlinesToNotify(at('2026-11-19')).remind.map((d) => d.youthId)).toEqual([oliver]);
		expect(deadlinesToNotify(at('2026-11-20'))).toEqual({ remind: [], escalate: [] });
		expect(deadlinesToNotify(at('2026-11-23')).escalate.map((d) => d.youthId)).toEqual([oliver]);
		expect(deadlinesToNotify(at('2026-11-24'))).toEqual({ remind: [], escalate: [] });
	});
});
