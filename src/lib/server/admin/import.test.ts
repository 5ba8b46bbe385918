import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	accountAudit,
	guideAssignments,
	guideProfiles,
	parentLinks,
	planHistory,
	plans,
	signInCodes,
	users,
	youthStatusHistory
} from '../db/schema';
import { acceptInvite } from '../people';
import { demoUser, freshDemoDatabase } from '../testing';
import { applyFile, applyUpload, checkFile, checkUpload, COMMAND_LINE } from './caseload-import';
import { firstInvalidUtf8 } from './import/csv';
import { readDate } from './import/rows';
import type { Db } from '../db';

let db: Db;
const who = (u: string) => demoUser(db, u);
const bytes = (text: string) => new TextEncoder().encode(text);
const born = (age: number) => `${new Date().getFullYear() - age}-02-14`;

const FILE = [
	'type,external_id,name,birth_date,guide,status,plan_goal_type,plan_goal,role,department,title,workplace,languages,capacity,youth,custody',
	'staff,S-1,Birthe Bøgh,,,,,,guide,,UU-vejleder,Ungeenheden,"dansk, tysk",12,,',
	'staff,S-2,Carsten Ravn,,,,,,caseworker,jobcenter,Sagsbehandler,Jobcentret,,,,',
	`youth,Y-1,Åse Ørum,${born(16)},S-1,youth_education,education,Blive tømrer,,,,,,,,`,
	`youth,Y-2,Bent Holm,${born(19)},jonas,job,job,Fast job i byggeriet,,,,,,,,`,
	`youth,Y-3,Dina Juhl,${born(14)},,primary_school,,,,,,,,,,`,
	'parent,P-1,Karin Ørum,,,,,,,,,,,,Y-1,ja',
	'parent,P-1,Karin Ørum,,,,,,,,,,,,Y-3,nej'
].join('\n');

/** Row counts of every table an import writes. */
function counts() {
	const n = (table: Parameters<ReturnType<Db['select']>['from']>[0]) => db.select({ n: count() }).from(table).get()!.n;
	return {
		users: n(users),
		assignments: n(guideAssignments),
		profiles: n(guideProfiles),
		links: n(parentLinks),
		plans: n(plans),
		history: n(planHistory),
		statuses: n(youthStatusHistory),
		audit: n(accountAudit),
		codes: n(signInCodes)
	};
}

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('importing a caseload', () => {
	it('shows what would be created, writes it all in one go, and gives each person a sign-in code', async () => {
		const before = counts();
		const { check, batchId } = checkUpload(who('lone'), 'sagsliste.csv', bytes(FILE));
		expect(check.errors).toEqual([]);
		expect(check.counts).toEqual({ create: 6, change: 1, unchanged: 0 }); // Karin's second row links her to Dina
		expect(counts()).toEqual(before); // the dry run writes nothing
		const result = applyUpload(who('lone'), batchId!)!;
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.codes.map((c) => c.externalId).sort()).toEqual(['P-1', 'S-1', 'S-2', 'Y-1', 'Y-2', 'Y-3']);
		const id = (externalId: string) => db.select().from(users).where(eq(users.externalId, externalId)).get()!;
		expect(id('Y-1')).toMatchObject({ role: 'youth', displayName: 'Åse Ørum' });
		expect(id('S-2')).toMatchObject({ role: 'caseworker', department: 'jobcenter' });
		expect(db.select().from(guideAssignments).where(eq(guideAssignments.youthId, id('Y-1').id)).get()?.guideId).toBe(id('S-1').id);
		expect(db.select().from(guideAssignments).where(eq(guideAssignments.youthId, id('Y-2').id)).get()?.guideId).toBe(who('jonas').id);
		expect(db.select().from(plans).where(eq(plans.youthId, id('Y-2').id)).get()).toMatchObject({ goalType: 'job', goalText: 'Fast job i byggeriet' });
		expect(db.select().from(parentLinks).where(eq(parentLinks.parentId, id('P-1').id)).all().map((l) => l.custody).sort()).toEqual([false, true]);
		expect(db.select().from(guideProfiles).where(eq(guideProfiles.userId, id('S-1').id)).get()).toMatchObject({
			capacity: 12,
			languages: ['dansk', 'tysk'],
			listed: true
		});
		// The audit says who made each account: the coordinator.
		expect(db.select().from(accountAudit).where(eq(accountAudit.userId, id('Y-3').id)).get()).toMatchObject({ action: 'created', actorId: who('lone').id });
		// A code works once, for the account it was made for.
		const code = result.codes.find((c) => c.externalId === 'Y-1')!.code;
		expect(await acceptInvite(code, { username: 'aase', password: 'en god lang kode' })).toEqual({ ok: true, userId: id('Y-1').id });
		// The batch is used up.
		expect(applyUpload(who('lone'), batchId!)).toBeNull();
	});

	it('changes nothing when the same file comes again, and only what differs when a row changed', () => {
		expect(applyFile(COMMAND_LINE, FILE).ok).toBe(true);
		const after = counts();
		const again = checkFile(COMMAND_LINE, bytes(FILE));
		expect(again.check.counts).toEqual({ create: 0, change: 0, unchanged: 7 });
		expect(applyFile(COMMAND_LINE, FILE)).toEqual({ ok: true, counts: { create: 0, change: 0, unchanged: 7 }, codes: [] });
		expect(counts()).toEqual(after);

		const changed = FILE.replace('job,job,Fast job i byggeriet', 'none,job,Fast job i byggeriet').replace('"dansk, tysk",12', '"dansk, tysk",14');
		const check = checkFile(COMMAND_LINE, bytes(changed)).check;
		expect(check.counts).toEqual({ create: 0, change: 2, unchanged: 5 });
		expect(check.plan.filter((p) => p.action === 'change').map((p) => [p.externalId, p.changes])).toEqual([
			['S-1', ['capacity']],
			['Y-2', ['status']]
		]);
		expect(applyFile(COMMAND_LINE, changed).ok).toBe(true);
		expect(counts()).toEqual({ ...after, statuses: after.statuses + 1, audit: after.audit + 1 });
		// The command line acts for nobody: its audit rows name no one.
		expect(db.select().from(accountAudit).all().every((a) => a.actorId === null)).toBe(true);
	});

	it('takes a BOM, semicolons (Danish Excel), Danish column names and Danish dates', () => {
		const danish = '\uFEFFtype;id;navn;fødselsdato;guide;status\nung;Y-9;Ærø Åsen;14.02.' + (new Date().getFullYear() - 17) + ';mette;job\n';
		const { check } = checkFile(COMMAND_LINE, bytes(danish));
		expect(check.errors).toEqual([]);
		expect(check.plan).toMatchObject([{ row: 2, externalId: 'Y-9', name: 'Ærø Åsen', action: 'create' }]);
		expect(readDate('3/4/2009')).toBe('2009-04-03');
		expect(readDate('2010-02-30')).toBeNull();
	});

	it('answers bad input with located errors and writes nothing until the file is clean', () => {
		const before = counts();
		const errorsOf = (text: string | Uint8Array) => checkFile(COMMAND_LINE, typeof text === 'string' ? bytes(text) : text).check.errors;
		const header = 'type,external_id,name,birth_date,guide,status,plan_goal';
		// Windows-1252 from Excel: the first byte that is not UTF-8 is on row 3.
		const latin1 = Uint8Array.from(Buffer.from(`${header}\nyouth,Y-1,Anna,${born(16)},,,\nyouth,Y-2,S\xf8ren,${born(16)},,,\n`, 'latin1'));
		expect(firstInvalidUtf8(latin1)).toBeGreaterThan(0);
		expect(errorsOf(latin1)).toEqual([{ row: 3, column: null, reason: 'encoding' }]);
		expect(errorsOf(Uint8Array.from([0xff, 0xfe, 0x74, 0x00]))).toEqual([{ row: 1, column: null, reason: 'utf16' }]);
		expect(
			errorsOf(
				[
					header,
					`youth,Y-1,Anna Berg,${born(16)},,,`,
					`youth,Y-1,Anna Berg,${born(16)},,,`,
					`youth,Y-3,Bo Dahl,2010-02-30,,,`,
					`youth,Y-4,Cia Eg,${born(9)},,,`,
					`youth,Y-5,Dan Fog,${born(16)},ukendt,,`,
					`youth,Y-6,Eva Gam,${born(16)},,astronaut,`,
					`kat,Y-7,Finn Hald,${born(16)},,,`,
					`youth,Y-8,Gry Ib,${born(16)},,`,
					`youth,,Hans Juel,${born(16)},,,`
				].join('\n')
			)
		).toEqual([
			{ row: 3, column: 'external_id', reason: 'duplicate', detail: '2' },
			{ row: 4, column: 'birth_date', reason: 'date', detail: '2010-02-30' },
			{ row: 5, column: 'birth_date', reason: 'age', detail: born(9) },
			{ row: 6, column: 'guide', reason: 'unknown_guide', detail: 'ukendt' },
			{ row: 7, column: 'status', reason: 'status', detail: 'astronaut' },
			{ row: 8, column: 'type', reason: 'type', detail: 'kat' },
			{ row: 9, column: null, reason: 'field_count', detail: '6/7' },
			{ row: 10, column: 'external_id', reason: 'required' }
		]);
		expect(errorsOf('type,id,navn,skostørrelse\n')).toEqual([{ row: 1, column: 'skostørrelse', reason: 'unknown_column' }]);
		expect(errorsOf('type,name\n')).toEqual([{ row: 1, column: 'external_id', reason: 'missing_column' }]);
		expect(errorsOf('type,id,name\nyouth,"Y-1,Anna\n')[0]).toMatchObject({ reason: 'csv' });
		// A guide who is a young person in the file, a parent of nobody, one parent under two names.
		expect(
			errorsOf(
				[
					'type,id,name,birth_date,guide,youth,custody',
					`youth,Y-1,Anna Berg,${born(16)},Y-2,,`,
					`youth,Y-2,Bo Dahl,${born(16)},,,`,
					'parent,P-1,Karin Berg,,,Y-9,ja',
					'parent,P-2,Lis Berg,,,Y-1,måske',
					'parent,P-3,Mads Berg,,,Y-1,ja',
					'parent,P-3,Mads B. Berg,,,Y-2,ja'
				].join('\n')
			)
		).toEqual([
			{ row: 2, column: 'guide', reason: 'not_guide', detail: 'Y-2' },
			{ row: 4, column: 'youth', reason: 'unknown_youth', detail: 'Y-9' },
			{ row: 5, column: 'custody', reason: 'custody', detail: 'måske' },
			{ row: 7, column: 'name', reason: 'parent_name', detail: '6' }
		]);
		// 100,000 rows: refused at the first row over the limit, before anything else is read.
		const huge = [header, ...Array.from({ length: 100_000 }, (_, i) => `youth,Y-${i},Navn ${i},${born(16)},,,`)].join('\n');
		expect(errorsOf(huge)).toEqual([{ row: 10_002, column: null, reason: 'too_many_rows', detail: '100000' }]);
		expect(counts()).toEqual(before);
		expect(applyFile(COMMAND_LINE, `${header}\nyouth,Y-1,Anna Berg,2010-02-30,,,`)).toMatchObject({ ok: false });
		expect(counts()).toEqual(before);
	});

	it('refuses a stable id that belongs to another kind of person', () => {
		expect(applyFile(COMMAND_LINE, 'type,id,name,role\nstaff,X-1,Ole Guide,guide').ok).toBe(true);
		expect(checkFile(COMMAND_LINE, bytes(`type,id,name,birth_date\nyouth,X-1,Ole Ung,${born(16)}`)).check.errors).toEqual([
			{ row: 2, column: 'id', reason: 'id_taken', detail: 'X-1' }
		]);
		expect(checkFile(COMMAND_LINE, bytes('type,id,name,role\nstaff,X-1,Ole Guide,coordinator')).check.errors).toEqual([
			{ row: 2, column: 'role', reason: 'role_change' }
		]);
	});

	it('is for the coordinator alone', () => {
		for (const u of ['freja', 'karen', 'mette', 'ali']) {
			expect(() => checkUpload(who(u), 'x.csv', bytes(FILE))).toThrow();
			expect(() => applyUpload(who(u), 'x')).toThrow();
		}
	});
});
