/**
 * The outcome aggregates on a generated municipality whose right answers are written down here:
 * cases by status (with the period filter), the medians, check-in answers by month, small-group
 * suppression in the tables, and the CSV carrying exactly the tables' cells.
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import {
	checkins,
	checkinSchedules,
	guideAssignments,
	guideRequests,
	kuiDeadlines,
	messages,
	messageThreads,
	plans,
	settings,
	users,
	youthStatusHistory,
	type DeadlineKind,
	type Role,
	type YouthStatus
} from '../db/schema';
import { newId } from '../ids';
import { outcomesCsv, outcomeTables } from './outcome-tables';
import { median, outcomeReport, parsePeriod } from './outcomes';
import { syncCheckins } from './schedules';
import type { SessionUser } from '../auth';
import { freshDatabase } from '../testing';

const T = (iso: string) => new Date(iso);
const NOW = T('2025-08-01T10:00:00Z');
const FIRST_HALF = { from: '2025-01-01', to: '2025-06-30' };

let db: Db;
let coordinator: SessionUser;
let guide: SessionUser;
const names: string[] = [];

function person(role: Role, displayName: string): SessionUser {
	const id = newId();
	const u = { id, username: `u${names.length}`, displayName, role, department: null, birthDate: role === 'youth' ? '2008-05-05' : null };
	db.insert(users)
		.values({ ...u, createdAt: T('2024-01-01T00:00:00Z') })
		.run();
	names.push(displayName);
	return u;
}

/** `n` young people with a guide from `started` (until `ended`), a status and maybe a closed plan. */
function group(n: number, o: { started: string; ended?: string; status?: [YouthStatus, string][]; planClosed?: string }): string[] {
	return Array.from({ length: n }, (_, i) => {
		const y = person('youth', `Ung ${names.length} ${i}`);
		db.insert(guideAssignments)
			.values({ id: newId(), youthId: y.id, guideId: guide.id, startedAt: T(o.started), endedAt: o.ended ? T(o.ended) : null })
			.run();
		for (const [status, at] of o.status ?? [])
			db.insert(youthStatusHistory)
				.values({ id: newId(), youthId: y.id, status, setBy: guide.id, createdAt: T(at) })
				.run();
		if (o.planClosed)
			db.insert(plans)
				.values({
					id: newId(),
					youthId: y.id,
					goalType: 'education',
					goalText: 'Mål',
					updatedAt: T(o.planClosed),
					closedAt: T(o.planClosed)
				})
				.run();
		return y.id;
	});
}

function request(
	youthId: string,
	createdAt: string,
	waitDays: number | null,
	status: 'approved' | 'declined' | 'withdrawn' | 'open' = 'approved'
) {
	const created = T(createdAt);
	const decided = waitDays === null ? null : new Date(created.getTime() + waitDays * 86_400_000);
	db.insert(guideRequests)
		.values({
			id: newId(),
			youthId,
			requestedBy: youthId,
			kind: 'pick',
			guideId: guide.id,
			status,
			decidedAt: decided,
			createdAt: created,
			updatedAt: decided ?? created
		})
		.run();
}

/** A conversation: [who, when] in order. */
function conversation(youthId: string, guideId: string | null, lines: ['youth' | 'guide' | 'unit', string][]) {
	const threadId = newId();
	db.insert(messageThreads).values({ id: threadId, youthId, guideId, lastSeq: lines.length }).run();
	lines.forEach(([from, at], i) =>
		db
			.insert(messages)
			.values({
				id: newId(),
				threadId,
				senderId: from === 'youth' ? youthId : from === 'guide' ? guide.id : coordinator.id,
				clientId: newId(),
				seq: i + 1,
				body: 'Hej',
				createdAt: T(at)
			})
			.run()
	);
}

function answered(youthId: string, dueOn: string, score: number | null) {
	db.insert(checkins)
		.values({ id: newId(), youthId, dueOn, score, answeredAt: score === null ? null : T(`${dueOn}T12:00:00Z`) })
		.run();
}

beforeAll(() => {
	db = freshDatabase();
	db.insert(settings)
		.values({ id: 1, municipalityName: 'Testkommune', unitName: 'Ungeenheden', unitPhone: '1', unitAddress: 'Vej 1', updatedAt: NOW })
		.run();
	coordinator = person('coordinator', 'Koordinator Kim');
	guide = person('guide', 'Guide Gitte');

	// Cases. Active in youth education (one had an earlier status; one gets a new status after the period).
	const education = group(7, { started: '2024-06-01T08:00:00Z', status: [['youth_education', '2024-08-01T08:00:00Z']] });
	db.insert(youthStatusHistory)
		.values({ id: newId(), youthId: education[0]!, status: 'primary_school', createdAt: T('2024-06-01T08:00:00Z') })
		.run();
	db.insert(youthStatusHistory)
		.values({ id: newId(), youthId: education[1]!, status: 'work', createdAt: T('2025-07-10T08:00:00Z') })
		.run();
	const job = group(3, { started: '2025-02-01T08:00:00Z', status: [['work', '2025-02-02T08:00:00Z']] });
	const preparatory = group(6, {
		started: '2024-09-01T08:00:00Z',
		status: [['preparatory', '2024-09-02T08:00:00Z']],
		planClosed: '2025-03-01T08:00:00Z'
	});
	group(5, {
		started: '2024-03-01T08:00:00Z',
		ended: '2025-05-01T08:00:00Z',
		status: [['completed_youth_education', '2024-12-01T08:00:00Z']]
	});
	const unknown = group(2, { started: '2025-01-10T08:00:00Z' });
	db.insert(youthStatusHistory)
		.values({ id: newId(), youthId: unknown[0]!, status: 'work', createdAt: T('2025-07-15T08:00:00Z') })
		.run();
	group(4, { started: '2024-01-01T08:00:00Z', ended: '2024-12-15T08:00:00Z', status: [['work', '2024-02-01T08:00:00Z']] });
	group(3, { started: '2025-07-05T08:00:00Z', status: [['work', '2025-07-05T08:00:00Z']] });

	// Guide requests: three decided in January (1, 2, 3 days), three in April (4, 10, 20 days).
	request(education[0]!, '2025-01-05T09:00:00Z', 1);
	request(education[1]!, '2025-01-10T09:00:00Z', 2);
	request(education[2]!, '2025-01-15T09:00:00Z', 3);
	request(job[0]!, '2025-04-01T09:00:00Z', 4);
	request(job[1]!, '2025-04-01T09:00:00Z', 10);
	request(job[2]!, '2025-04-01T09:00:00Z', 20);
	request(education[3]!, '2024-09-01T09:00:00Z', 100); // decided before the period
	request(education[4]!, '2025-02-01T09:00:00Z', 5, 'withdrawn');
	request(education[5]!, '2025-06-01T09:00:00Z', null, 'open');

	// Messages: waits of 2, 1, 4, 24, 12 and 3 hours start in the period (median 3.5, five young people).
	const [y1, y2, y3, y4, y5, y6, y7] = education as [string, string, string, string, string, string, string];
	conversation(y1, guide.id, [
		['youth', '2025-02-01T09:00:00Z'],
		['youth', '2025-02-01T10:00:00Z'],
		['guide', '2025-02-01T11:00:00Z'],
		['youth', '2025-02-03T08:00:00Z'],
		['guide', '2025-02-03T09:00:00Z']
	]);
	conversation(y2, guide.id, [
		['guide', '2025-02-20T09:00:00Z'],
		['youth', '2025-03-01T10:00:00Z'],
		['guide', '2025-03-01T14:00:00Z']
	]);
	conversation(y3, guide.id, [
		['youth', '2025-04-01T12:00:00Z'],
		['guide', '2025-04-02T12:00:00Z']
	]);
	// 23:30 on 30 June in Copenhagen: inside the period; the reply comes after it.
	conversation(y4, guide.id, [
		['youth', '2025-06-30T21:30:00Z'],
		['guide', '2025-07-01T09:30:00Z']
	]);
	conversation(y5, guide.id, [
		['youth', '2025-05-05T10:00:00Z'],
		['guide', '2025-05-05T13:00:00Z'],
		['youth', '2025-06-10T10:00:00Z']
	]);
	// The unit's inbox (no guide) and a wait that began before the period (23:00 on 31 December) do not count.
	conversation(y6, null, [
		['youth', '2025-03-03T10:00:00Z'],
		['unit', '2025-03-03T11:00:00Z']
	]);
	conversation(y7, guide.id, [
		['youth', '2024-12-31T22:00:00Z'],
		['guide', '2025-01-01T10:00:00Z']
	]);

	// Check-ins. January: five answer (1, 2, 4, 5, 5), one misses. February: three answer. March:
	// six answer low, one of them twice (average 15/7). Outside the period: ignored.
	const youth = [...education, ...job, ...preparatory];
	[1, 2, 4, 5, 5].forEach((score, i) => answered(youth[i]!, '2025-01-06', score));
	answered(youth[5]!, '2025-01-06', null);
	[3, 3, 3].forEach((score, i) => answered(youth[i]!, '2025-02-03', score));
	[2, 2, 2, 2, 2, 1].forEach((score, i) => answered(youth[i + 6]!, '2025-03-03', score));
	answered(youth[6]!, '2025-03-17', 4);
	answered(youth[0]!, '2024-12-30', 1);
	answered(youth[0]!, '2025-07-02', 1);
	// A rhythm nobody answered: due 5 May and 4 June, created when the report is made.
	db.insert(checkinSchedules)
		.values({
			id: newId(),
			youthId: youth[15]!,
			intervalDays: 30,
			startsOn: '2025-05-05',
			endsOn: '2025-06-30',
			createdBy: guide.id,
			createdAt: T('2025-05-01T08:00:00Z')
		})
		.run();

	// The law's deadlines (issue 21), by the day they fell due. Contact: 6 met on time, 2 late, 7
	// missed, and one due after the period. Offer: 5 met on time. Young people without a guide case,
	// so the cases above stay as they are.
	const deadline = (kind: DeadlineKind, dueOn: string, metOn: string | null) => {
		const y = person('youth', `Frist ${names.length}`);
		const entry = newId();
		db.insert(youthStatusHistory)
			.values({ id: entry, youthId: y.id, status: 'no_attachment', setBy: guide.id, createdAt: T('2025-01-02T09:00:00Z') })
			.run();
		db.insert(kuiDeadlines)
			.values({
				id: newId(),
				youthId: y.id,
				kind,
				startedBy: entry,
				startedOn: '2025-01-02',
				dueOn,
				metAt: metOn ? T(`${metOn}T10:00:00Z`) : null
			})
			.run();
	};
	for (let i = 0; i < 6; i++) deadline('contact', '2025-02-10', '2025-02-07');
	for (let i = 0; i < 2; i++) deadline('contact', '2025-02-10', '2025-02-12');
	for (let i = 0; i < 7; i++) deadline('contact', '2025-03-10', null);
	deadline('contact', '2025-07-10', null);
	for (let i = 0; i < 5; i++) deadline('offer', '2025-04-01', '2025-03-20');
	// The server's scheduler has created the check-ins due by NOW (the report itself writes nothing).
	syncCheckins(undefined, NOW);
});

const EMPTY = { active: 0, closed: 0 };

describe('outcomes: the aggregates', () => {
	it('counts guide cases by their status at the end of the period', () => {
		const report = outcomeReport(coordinator, FIRST_HALF, NOW);
		expect(report.cases).toEqual({
			primary_school: EMPTY,
			youth_education: { active: 7, closed: 0 },
			completed_youth_education: { active: 0, closed: 5 },
			preparatory: { active: 0, closed: 6 },
			work: { active: 3, closed: 0 },
			no_attachment: EMPTY,
			exempt: EMPTY,
			moved_away: EMPTY,
			unknown: { active: 2, closed: 0 }
		});
	});

	it('filters by the period: earlier, a closed plan and an ended guide were still active', () => {
		const report = outcomeReport(coordinator, { from: '2025-01-01', to: '2025-02-28' }, NOW);
		expect(report.cases).toEqual({
			primary_school: EMPTY,
			youth_education: { active: 7, closed: 0 },
			completed_youth_education: { active: 5, closed: 0 },
			preparatory: { active: 6, closed: 0 },
			work: { active: 3, closed: 0 },
			no_attachment: EMPTY,
			exempt: EMPTY,
			moved_away: EMPTY,
			unknown: { active: 2, closed: 0 }
		});
		expect(report.requests).toEqual({ youth: 3, count: 3, median: 2 });
		expect(report.checkins.map((c) => c.month)).toEqual(['2025-01', '2025-02']);
		// A period in 2024 sees the cases that had ended by then, by their status then.
		const before = outcomeReport(coordinator, { from: '2024-01-01', to: '2024-12-31' }, NOW);
		expect(before.cases.work).toEqual({ active: 0, closed: 4 });
		expect(before.cases.completed_youth_education).toEqual({ active: 5, closed: 0 });
		expect(before.cases.youth_education).toEqual({ active: 7, closed: 0 });
		expect(before.cases.preparatory).toEqual({ active: 6, closed: 0 });
	});

	it('the median time from guide request to decision, in days', () => {
		expect(outcomeReport(coordinator, FIRST_HALF, NOW).requests).toEqual({ youth: 6, count: 6, median: 3.5 });
	});

	it('the guides’ median first reply, in hours, counting waits that begin in the period', () => {
		expect(outcomeReport(coordinator, FIRST_HALF, NOW).replies).toEqual({ youth: 5, count: 6, median: 3.5 });
		expect(outcomeReport(coordinator, { from: '2025-02-01', to: '2025-02-28' }, NOW).replies).toEqual({ youth: 1, count: 2, median: 1.5 });
	});

	it('check-in answers by month, including missed check-ins of a rhythm', () => {
		const months = outcomeReport(coordinator, FIRST_HALF, NOW).checkins;
		expect(months).toEqual([
			{ month: '2025-01', answeredYouth: 5, answers: 5, averageScore: 3.4, lowYouth: 2, missedYouth: 1 },
			{ month: '2025-02', answeredYouth: 3, answers: 3, averageScore: 3, lowYouth: 0, missedYouth: 0 },
			{ month: '2025-03', answeredYouth: 6, answers: 7, averageScore: 15 / 7, lowYouth: 6, missedYouth: 0 },
			{ month: '2025-04', answeredYouth: 0, answers: 0, averageScore: null, lowYouth: 0, missedYouth: 0 },
			{ month: '2025-05', answeredYouth: 0, answers: 0, averageScore: null, lowYouth: 0, missedYouth: 1 },
			{ month: '2025-06', answeredYouth: 0, answers: 0, averageScore: null, lowYouth: 0, missedYouth: 1 }
		]);
	});

	it('is for the coordinator only', () => {
		expect(() => outcomeReport(guide, FIRST_HALF, NOW)).toThrow();
		expect(() => outcomeReport(null, FIRST_HALF, NOW)).toThrow();
	});

	it('median of odd and even lists; none of nothing', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});

	it('reads the period from the query, and falls back to this year on a bad one', () => {
		const q = (s: string) => parsePeriod(new URLSearchParams(s), NOW);
		expect(q('')).toEqual({
			period: { from: '2025-01-01', to: '2025-08-01' },
			error: null,
			values: { from: '2025-01-01', to: '2025-08-01' }
		});
		expect(q('from=2024-03-01&to=2024-05-31').period).toEqual({ from: '2024-03-01', to: '2024-05-31' });
		expect(q('from=2024-06-01&to=2024-05-31')).toMatchObject({
			error: 'period',
			period: { from: '2025-01-01' },
			values: { from: '2024-06-01' }
		});
		expect(q('from=2024-02-30&to=2024-05-31').error).toBe('period');
		expect(q('from=2000-01-01&to=2024-05-31').error).toBe('period');
	});
});

describe('outcomes: the tables and the CSV', () => {
	const cells = (locale: 'da' | 'en') => {
		const tables = outcomeTables(outcomeReport(coordinator, FIRST_HALF, NOW), locale);
		return Object.fromEntries(tables.map((t) => [t.id, t.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])]));
	};

	it('shows every group smaller than five as "< 5", and hides what it would give away', () => {
		const da = cells('da');
		expect(da.cases).toEqual([
			['Går i grundskole', '0', '0'],
			['I gang med en ungdomsuddannelse', '7', '0'],
			['I et forberedende forløb (FGU, 10. klasse, højskole, praktik eller ophold i udlandet)', '0', '6'],
			['I job', '< 5', '0'],
			['Har gennemført en ungdomsuddannelse', '0', '5'],
			['Hverken i uddannelse eller job', '0', '0'],
			['Fritaget (fx pga. sygdom eller barsel)', '0', '0'],
			['Flyttet fra kommunen', '0', '0'],
			['Ukendt', '< 5', '0'],
			// 7 + 3 + 2 = 12 active would give away the hidden groups' sum; 11 closed is safe.
			['I alt', '–', '11']
		]);
		expect(da.deadlines).toEqual([
			['Kontakt den unge', '6', '< 5', '7', '0'],
			['Tilbyd en ny aktivitet', '5', '0', '0', '0']
		]);
		expect(da.requests).toEqual([
			['Unge med en afgørelse i perioden', '6'],
			['Median, dage', '3,5']
		]);
		expect(da.replies).toEqual([
			['Unge, der fik svar', '5'],
			['Median, timer', '3,5']
		]);
		expect(da.checkins).toEqual([
			['jan. 2025', '5', '3,4', '< 5', '< 5'],
			['feb. 2025', '< 5', '–', '0', '0'],
			['mar. 2025', '6', '2,1', '6', '0'],
			['apr. 2025', '0', '–', '0', '0'],
			['maj 2025', '0', '–', '0', '< 5'],
			['jun. 2025', '0', '–', '0', '< 5']
		]);
		expect(cells('en').checkins![2]).toEqual(['Mar 2025', '6', '2.1', '6', '0']);
	});

	it('hides medians behind fewer than five young people', () => {
		const tables = outcomeTables(outcomeReport(coordinator, { from: '2025-01-01', to: '2025-02-28' }, NOW), 'da');
		const requests = tables.find((t) => t.id === 'requests')!;
		expect(requests.rows.map((r) => r.cells[0]!.text)).toEqual(['< 5', '–']);
		expect(requests.rows.map((r) => r.cells[0]!.value)).toEqual([null, null]);
	});

	it('the CSV holds exactly the cells of the tables, and no names', () => {
		for (const locale of ['da', 'en'] as const) {
			const tables = outcomeTables(outcomeReport(coordinator, FIRST_HALF, NOW), locale);
			const csv = outcomesCsv(tables, locale);
			expect(csv.startsWith('\uFEFF')).toBe(true);
			const rows = parse(csv.slice(1), { delimiter: locale === 'da' ? ';' : ',' }) as string[][];
			expect(rows[0]).toEqual(locale === 'da' ? ['Tabel', 'Række', 'Kolonne', 'Værdi'] : ['Table', 'Row', 'Column', 'Value']);
			const expected = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c, i) => [t.caption, r.label, t.columns[i], c.text])));
			expect(rows.slice(1)).toEqual(expected);
			for (const name of names) expect(csv).not.toContain(name);
		}
		const da = outcomesCsv(outcomeTables(outcomeReport(coordinator, FIRST_HALF, NOW), 'da'), 'da');
		expect(da).toContain('Sager med guide efter status ved periodens slut;I gang med en ungdomsuddannelse;Aktive;7\r\n');
		expect(da).toContain('Fra anmodning om guide til afgørelse;Median, dage;Værdi;3,5\r\n');
	});
});
