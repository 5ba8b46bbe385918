/**
 * The official categories and the 1 October count (issue 21): the mapping of every status, the
 * 18-hour line, the age bands on the day, and a count on a generated unit whose every cell is known.
 */
import { describe, expect, it } from 'vitest';
import { censusBand, censusDateFor, countCensus, officialCategory } from './census';
import { outcomeReport } from './outcomes';
import { outcomeTables } from './outcome-tables';
import { setStatus, statusOverview } from './status';
import { users, youthStatusHistory, YOUTH_STATUSES, type YouthStatus } from '../db/schema';
import { newId } from '../ids';
import { demoUser, freshDatabase, freshDemoDatabase } from '../testing';

describe('the official categories', () => {
	it('maps every status, work by its hours: 18 or more is attached, fewer or unrecorded is not', () => {
		const expected: Record<YouthStatus, string> = {
			primary_school: 'education',
			youth_education: 'education',
			preparatory: 'education',
			work: 'work',
			completed_youth_education: 'completed',
			no_attachment: 'no_attachment',
			exempt: 'exempt',
			moved_away: 'moved_away',
			unknown: 'unknown'
		};
		for (const status of YOUTH_STATUSES)
			expect(officialCategory({ status, hoursPerWeek: status === 'work' ? 37 : null }), status).toBe(expected[status]);
		expect(officialCategory({ status: 'work', hoursPerWeek: 18 })).toBe('work');
		expect(officialCategory({ status: 'work', hoursPerWeek: 17 })).toBe('no_attachment');
		expect(officialCategory({ status: 'work', hoursPerWeek: 0 })).toBe('no_attachment');
		expect(officialCategory({ status: 'work', hoursPerWeek: null })).toBe('no_attachment');
	});

	it('bands ages 15–17, 18–19 and 20–24, and leaves out the rest', () => {
		expect([14, 15, 17, 18, 19, 20, 24, 25].map(censusBand)).toEqual([null, '15-17', '15-17', '18-19', '18-19', '20-24', '20-24', null]);
	});

	it('takes the latest 1 October on or before the period’s end', () => {
		expect(censusDateFor('2026-12-05')).toBe('2026-10-01');
		expect(censusDateFor('2026-10-01')).toBe('2026-10-01');
		expect(censusDateFor('2026-09-30')).toBe('2025-10-01');
	});
});

describe('the count on 1 October 2025, on a unit built for it', () => {
	/** 23.59 on 1 October in Copenhagen (summer time, UTC+2), and the day's end. */
	const END = new Date('2025-10-01T22:00:00Z');
	const REGISTERED = new Date('2025-01-01T09:00:00Z');

	function unit() {
		const db = freshDatabase();
		const lone = newId();
		db.insert(users).values({ id: lone, username: 'lone', displayName: 'Lone', role: 'coordinator', createdAt: REGISTERED }).run();
		let i = 0;
		const youth = (birthDate: string, statuses: [YouthStatus, string, number?][], extra: Partial<typeof users.$inferInsert> = {}) => {
			const id = newId();
			db.insert(users)
				.values({ id, username: `u${i++}`, displayName: `Ung ${i}`, role: 'youth', birthDate, createdAt: REGISTERED, ...extra })
				.run();
			for (const [status, at, hours] of statuses)
				db.insert(youthStatusHistory)
					.values({ id: newId(), youthId: id, status, hoursPerWeek: hours ?? null, createdAt: new Date(at) })
					.run();
			return id;
		};
		for (let n = 0; n < 6; n++) youth('2009-03-01', [['youth_education', '2025-08-10T08:00:00Z']]); // 16
		for (let n = 0; n < 5; n++) youth('2006-05-05', [['work', '2025-06-01T08:00:00Z', 20]]); // 19, 20 hours
		for (let n = 0; n < 2; n++) youth('2003-01-01', [['work', '2025-06-01T08:00:00Z', 17]]); // 22, 17 hours: no attachment
		for (let n = 0; n < 5; n++) youth('2003-01-01', [['no_attachment', '2025-06-01T08:00:00Z']]); // 22
		youth('2004-02-02', [['work', '2025-06-01T08:00:00Z']]); // 21, hours not recorded: no attachment
		youth('2010-10-01', [['primary_school', '2025-08-10T08:00:00Z']]); // turns 15 on the day: in
		youth('2000-10-01', [['no_attachment', '2025-06-01T08:00:00Z']]); // turns 25 on the day: out
		youth('2000-10-02', [['completed_youth_education', '2025-06-01T08:00:00Z']]); // still 24: in
		// Changed on 2 October: counted as it stood on the 1st.
		youth('2008-06-01', [
			['no_attachment', '2025-09-01T08:00:00Z'],
			['youth_education', '2025-10-02T08:00:00Z']
		]);
		// Changed at 23.30 on 1 October, Copenhagen time: the day's end counts.
		youth('2007-02-02', [
			['work', '2025-05-01T08:00:00Z', 30],
			['exempt', '2025-10-01T21:30:00Z']
		]);
		youth('2009-01-01', [['youth_education', '2025-11-01T08:00:00Z']], { createdAt: new Date('2025-11-01T08:00:00Z') }); // registered later: out
		youth('2009-01-01', [['youth_education', '2025-06-01T08:00:00Z']], { disabledAt: new Date('2025-09-01T08:00:00Z') }); // gone before: out
		youth('2009-01-01', [], { disabledAt: new Date('2025-12-01T08:00:00Z') }); // disabled later, no status: not recorded
		return { db };
	}

	it('counts each young person once, in the category and age band of the day', () => {
		unit();
		const zero = { '15-17': 0, '18-19': 0, '20-24': 0 };
		expect(countCensus('2025-10-01', END)).toEqual({
			date: '2025-10-01',
			counts: {
				education: { ...zero, '15-17': 7 },
				work: { ...zero, '18-19': 5 },
				completed: { ...zero, '20-24': 1 },
				no_attachment: { ...zero, '15-17': 1, '20-24': 8 },
				exempt: { ...zero, '18-19': 1 },
				moved_away: zero,
				unknown: { ...zero, '15-17': 1 }
			}
		});
	});

	it('shows the count on /staff/outcomes with small groups hidden, and the share with no attachment', () => {
		const { db } = unit();
		const report = outcomeReport(demoUser(db, 'lone'), { from: '2025-01-01', to: '2025-12-31' }, new Date('2026-01-05T10:00:00Z'));
		expect(report.census.date).toBe('2025-10-01');
		const table = outcomeTables(report, 'da').find((t) => t.id === 'census')!;
		expect(table.caption).toBe('Opgørelse pr. 1. oktober 2025: unge på 15–24 år efter tilknytning og alder');
		expect(table.columns).toEqual(['15–17 år', '18–19 år', '20–24 år', 'I alt']);
		expect(table.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])).toEqual([
			['I uddannelse (grundskole, ungdomsuddannelse eller forberedende)', '7', '0', '0', '7'],
			['I job 18 timer eller mere om ugen', '0', '5', '0', '5'],
			['Har gennemført en ungdomsuddannelse', '0', '0', '< 5', '< 5'],
			// A row with a hidden group hides its total: 1 + 8 = 9 would give the 1 away.
			['Uden tilknytning (ikke i uddannelse, under 18 timers arbejde)', '< 5', '0', '8', '–'],
			['Fritaget', '0', '< 5', '0', '< 5'],
			['Flyttet fra kommunen', '0', '0', '0', '0'],
			['Ikke registreret', '< 5', '0', '0', '< 5'],
			// Every column has a hidden group, so no column total is shown.
			['I alt', '–', '–', '–', '–'],
			// 15–17: its count is hidden, so is the share; 20–24: 8 of 9; all: 9 of 22.
			['Andel uden tilknytning', '–', '0,0 %', '88,9 %', '40,9 %']
		]);
	});
});

describe('recording the categories', () => {
	it('takes a programme that fits the status and hours only for work, and shows them to staff', async () => {
		const db = await freshDemoDatabase();
		const mette = demoUser(db, 'mette');
		const freja = demoUser(db, 'freja').id;
		const set = (values: Record<string, string>) => setStatus(mette, freja, { detail: '', ...values });
		expect(set({ status: 'youth_education', programme: 'fgu' })).toEqual({ ok: false, error: 'programme' });
		expect(set({ status: 'work', programme: 'eud' })).toEqual({ ok: false, error: 'programme' });
		expect(set({ status: 'preparatory', hours: '20' })).toEqual({ ok: false, error: 'hours' });
		expect(set({ status: 'work', hours: '81' })).toEqual({ ok: false, error: 'hours' });
		expect(set({ status: 'work', hours: '12,5' })).toEqual({ ok: false, error: 'hours' });
		expect(set({ status: 'work', hours: '12' })).toEqual({ ok: true });
		expect(statusOverview(mette, freja)!.current).toMatchObject({ status: 'work', hoursPerWeek: 12, programme: null });
		expect(set({ status: 'preparatory', programme: 'grade10', hours: '' })).toEqual({ ok: true });
		expect(statusOverview(mette, freja)!.current).toMatchObject({ status: 'preparatory', programme: 'grade10', hoursPerWeek: null });
	});
});
