import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { recordAccess } from '../access';
import { withdrawConsent } from '../consent';
import { wordingVersionFor } from '../consent';
import { parentConsentView, staffConsentView } from '../consent';
import { downloadMyData, exportMyData, whoHasLooked } from './transparency';
import { agreeToPlan, approvalPdfsMade, cosignPlan, updateGoal } from '../plan';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';
import { accessLog, messageAttachments, messages, messageThreads, planApprovals, plans } from '../db/schema';
import { addDaysIso, startOfDayIn, todayIso } from '../dates';
import { pdf, png } from '../attachment-files.testing';

let db: Db;
const who = (username: string) => demoUser(db, username);
const id = (username: string) => who(username).id;
const planOf = (username: string) =>
	db
		.select()
		.from(plans)
		.where(eq(plans.youthId, id(username)))
		.get()!;

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('who has looked at my data', () => {
	/** The log as lines: day, name, role, department, flagged, kinds. */
	const lines = (username: string, options?: Parameters<typeof whoHasLooked>[2]) =>
		whoHasLooked(who(username), id(username), options)!.days.flatMap((d) =>
			d.lines.map((l) => [d.date, l.name, l.role, l.department, l.flagged, l.kinds, l.looks.length])
		);

	it('lists reads by others, one line per person per day, with role, department, what and when, newest first', () => {
		expect(whoHasLooked(who('freja'), id('freja'))).toMatchObject({ days: [], before: null, older: null });
		recordAccess(who('mette'), id('freja'), 'plan');
		recordAccess(who('mette'), id('freja'), 'meetings');
		recordAccess(who('ali'), id('freja'), 'profile');
		recordAccess(who('freja'), id('freja'), 'plan'); // her own reads are not logged
		recordAccess(who('ali'), id('amina'), 'plan'); // someone else's log
		const log = whoHasLooked(who('freja'), id('freja'))!;
		const today = todayIso();
		expect(log.today).toBe(today);
		expect(lines('freja')).toEqual([
			[today, 'Ali Demir', 'caseworker', 'jobcenter', true, ['profile'], 1],
			[today, 'Mette Larsen', 'guide', null, false, ['plan', 'meetings'], 1]
		]);
		expect(log.days[0]!.lines[0]!.looks[0]!.at).toBeInstanceOf(Date);
	});

	it('shows the last 90 days, and the older ones behind a link', () => {
		const now = new Date(startOfDayIn(todayIso()).getTime() + 12 * 3_600_000); // noon: a few seconds never cross midnight
		const today = todayIso(now);
		const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
		const mette = who('mette');
		db.insert(accessLog)
			.values(
				[5, 95, 200].map((daysAgo) => ({
					id: `old-${daysAgo}`,
					youthId: id('freja'),
					actorId: mette.id,
					actorRole: 'guide' as const,
					actorDepartment: null,
					resource: 'plan',
					createdAt: at(daysAgo)
				}))
			)
			.run();
		const newest = whoHasLooked(who('freja'), id('freja'), { now })!;
		expect(newest.days.map((d) => d.date)).toEqual([todayIso(at(5))]);
		expect(newest.older).toBe(addDaysIso(today, -89));
		const older = whoHasLooked(who('freja'), id('freja'), { before: newest.older, now })!;
		expect(older.before).toBe(newest.older);
		expect(older.days.map((d) => d.date)).toEqual([todayIso(at(95))]);
		expect(older.older).toBe(addDaysIso(today, -179));
		const oldest = whoHasLooked(who('freja'), id('freja'), { before: older.older, now })!;
		expect(oldest.days.map((d) => d.date)).toEqual([todayIso(at(200))]);
		expect(oldest.older).toBeNull();
		// Nonsense or a future date is the newest window.
		for (const before of ['x', '2026-02-30', addDaysIso(today, 1), '']) {
			expect(whoHasLooked(who('freja'), id('freja'), { before, now })).toMatchObject({ before: null, days: newest.days });
		}
	});

	it('leaves a window with too many reads at its last whole day, the rest for "show older"', () => {
		const now = new Date(startOfDayIn(todayIso()).getTime() + 12 * 3_600_000); // noon: a few seconds never cross midnight
		const at = (daysAgo: number, ms = 0) => new Date(now.getTime() - daysAgo * 86_400_000 - ms);
		const rows = [
			[1, 0],
			[3, 0],
			[3, 5000],
			[4, 0]
		].map(([daysAgo, ms]) => ({
			id: `r-${daysAgo}-${ms}`,
			youthId: id('freja'),
			actorId: id('mette'),
			actorRole: 'guide' as const,
			actorDepartment: null,
			resource: 'plan',
			createdAt: at(daysAgo!, ms)
		}));
		db.insert(accessLog).values(rows).run();
		// Two rows fit: day 1 whole, day 3 cut short, so day 3 goes whole to the next window.
		const first = whoHasLooked(who('freja'), id('freja'), { now, maxRows: 2 })!;
		expect(first.days.map((d) => d.date)).toEqual([todayIso(at(1))]);
		expect(first.older).toBe(addDaysIso(todayIso(at(3)), 1));
		const next = whoHasLooked(who('freja'), id('freja'), { now, maxRows: 3, before: first.older })!;
		expect(next.days.map((d) => [d.date, d.lines[0]!.looks.length])).toEqual([
			[todayIso(at(3)), 2],
			[todayIso(at(4)), 1]
		]);
		expect(next.older).toBeNull();
	});

	it('includes staff and custody holders reading the consents, not a parent who only sees what is shared', () => {
		expect(staffConsentView(who('mette'), id('freja'), 'da')).not.toBeNull();
		expect(parentConsentView(who('peter'), id('noah'), 'da')?.custodian).not.toBeNull();
		expect(parentConsentView(who('karen'), id('freja'), 'da')?.custodian).toBeNull(); // freja is 17: nothing to co-sign
		expect(lines('freja').map(([, name, , , , kinds]) => [name, kinds])).toEqual([['Mette Larsen', ['consent']]]);
		expect(lines('noah').map(([, name, , , flagged, kinds]) => [name, flagged, kinds])).toEqual([['Peter Jensen', true, ['consent']]]);
	});

	it('is for the young person alone', () => {
		for (const u of ['mette', 'karen', 'ali', 'lone', 'amina']) expect(whoHasLooked(who(u), id('freja'))).toBeNull();
		expect(whoHasLooked(null, id('freja'))).toBeNull();
	});
});

describe('download my data', () => {
	it('lists the approved plan versions: version, dates, who approved and co-signed, and the PDF (issue 21)', async () => {
		const plan = planOf('freja');
		const goal = { goalType: plan.goalType, goalText: 'Tømrer', targetDate: plan.targetDate ?? '', currentSituation: '' };
		expect(updateGoal(who('mette'), id('freja'), { ...goal, version: String(plan.version) })).toEqual({ ok: true });
		const version = String(plan.version + 1);
		expect(await agreeToPlan(who('freja'), id('freja'), version)).toEqual({ ok: true });
		expect(await cosignPlan(who('karen'), id('freja'), version)).toEqual({ ok: true });
		await approvalPdfsMade(); // the signed PDF is made just after the answer
		const data = JSON.parse(JSON.stringify(exportMyData(who('freja'), id('freja'))));
		expect(data.plan.approvals).toEqual([
			expect.objectContaining({ version: plan.version + 1, approvedBy: id('freja'), cosignRequired: true, cosignedBy: id('karen') })
		]);
		expect(data.plan.approvals[0].approvedAt).toBeTruthy();
		expect(data.plan.approvals[0].cosignedAt).toBeTruthy();
		expect(Buffer.from(data.plan.approvals[0].pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(data.people[id('karen')]).toMatchObject({ role: 'parent' });
	});

	it('holds the PDF of a version approved a moment ago, and makes one whose making failed', async () => {
		const plan = planOf('freja');
		const version = String(plan.version);
		expect(await agreeToPlan(who('freja'), id('freja'), version)).toEqual({ ok: true });
		// The answer has gone out and the PDF is not made yet: the export alone would hold none.
		expect(exportMyData(who('freja'), id('freja'))!.plan!.approvals[0]!.pdfBase64).toBeNull();
		const pdfOf = async () => {
			const data = JSON.parse(JSON.stringify(await downloadMyData(who('freja'), id('freja'))));
			return Buffer.from(data.plan.approvals[0].pdfBase64 ?? '', 'base64')
				.subarray(0, 5)
				.toString('latin1');
		};
		expect(await pdfOf()).toBe('%PDF-');
		// A PDF that could not be made (it is null) is made for the download.
		db.update(planApprovals).set({ pdf: null }).run();
		expect(await pdfOf()).toBe('%PDF-');
		expect(db.select().from(planApprovals).get()!.pdf).not.toBeNull();
		// Nobody else downloads it, and nothing is made for them.
		db.update(planApprovals).set({ pdf: null }).run();
		for (const u of ['mette', 'karen', 'ali']) expect(await downloadMyData(who(u), id('freja'))).toBeNull();
		expect(db.select().from(planApprovals).get()!.pdf).toBeNull();
	});

	it('holds everything about the young person, and no secrets', async () => {
		recordAccess(who('ali'), id('freja'), 'plan');
		await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', wording: wordingVersionFor('da'), locale: 'da' });
		const data = JSON.parse(JSON.stringify(exportMyData(who('freja'), id('freja'))));
		expect(data.profile).toMatchObject({ username: 'freja', displayName: 'Freja Nielsen' });
		expect(data.profile).not.toHaveProperty('passwordHash');
		expect(JSON.stringify(data)).not.toContain('$argon2');
		expect(data.plan.goalText).toContain('tømrerlærling');
		expect(data.plan.steps).toHaveLength(5);
		expect(data.plan.meetings).toHaveLength(2);
		expect(data.plan.history.length).toBeGreaterThan(0);
		expect(data.consent.records.map((r: { action: string }) => r.action)).toEqual(['give', 'give', 'give', 'withdraw']);
		expect(data.messages.messages).toHaveLength(3);
		expect(data.guides.assignments).toHaveLength(1);
		expect(data.parents).toHaveLength(1);
		expect(data.accessLog).toHaveLength(1);
		expect(data.people[id('ali')]).toMatchObject({ name: 'Ali Demir', role: 'caseworker', department: 'jobcenter' });
		expect(data).toHaveProperty('checkins');
		expect(data).toHaveProperty('statusHistory');
	});

	it('is for the young person alone and holds nothing about others', () => {
		for (const u of ['mette', 'karen', 'ali', 'lone']) expect(exportMyData(who(u), id('freja'))).toBeNull();
		const amina = JSON.stringify(exportMyData(who('amina'), id('amina')));
		expect(amina).not.toContain('Freja');
		expect(amina).not.toContain('tømrerlærling');
	});
});

describe('download my data: attachments', () => {
	let dataDir: string;
	beforeEach(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'minvej-files-'));
		process.env.DATA_DIR = dataDir; // config.filesDir reads it on each use
	});
	afterEach(() => {
		delete process.env.DATA_DIR;
		rmSync(dataDir, { recursive: true, force: true });
	});

	/** Adds an attachment row to a message and (unless `file` is null) its file under DATA_DIR. */
	function attach(
		messageId: string,
		attachmentId: string,
		kind: 'image' | 'pdf',
		name: string,
		file: Buffer | null,
		size = file?.length ?? 1234
	) {
		const mime = kind === 'pdf' ? 'application/pdf' : 'image/png';
		const createdAt = new Date('2026-11-20T10:00:00Z');
		db.insert(messageAttachments).values({ id: attachmentId, messageId, kind, mime, name, size, createdAt }).run();
		if (file) writeFileSync(join(dataDir, attachmentId), file);
		return { messageId, kind, name, mime, size, createdAt: createdAt.toISOString() };
	}

	function messagesOf(username: string) {
		return db
			.select({ id: messages.id })
			.from(messages)
			.innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
			.where(eq(messageThreads.youthId, id(username)))
			.orderBy(asc(messages.seq))
			.all()
			.map((m) => m.id);
	}

	it("holds her conversations' photos and PDFs, with each file's content, and nobody else's", async () => {
		const [first, second, third] = messagesOf('freja');
		const document = pdf('CV');
		const photo = await png(64, 48);
		const cv = attach(third!, 'cvaaaaaaaaaaaaaaaaaa', 'pdf', 'cv.pdf', document);
		const picture = attach(first!, 'photoaaaaaaaaaaaaaaa', 'image', 'værksted.png', photo);
		writeFileSync(join(dataDir, 'photoaaaaaaaaaaaaaaa.preview'), 'the preview is not exported');
		const gone = attach(second!, 'goneaaaaaaaaaaaaaaaa', 'pdf', 'væk.pdf', null);

		// Amina's conversation with the youth unit, with a file of her own.
		db.insert(messageThreads)
			.values({ id: 'thread-amina', youthId: id('amina'), guideId: null, lastSeq: 1 })
			.run();
		db.insert(messages)
			.values({ id: 'message-amina', threadId: 'thread-amina', senderId: id('amina'), clientId: 'c1', seq: 1, body: 'Her er mit pas' })
			.run();
		const hers = attach('message-amina', 'aminaaaaaaaaaaaaaaaa', 'pdf', 'pas.pdf', pdf('Amina'));

		const data = JSON.parse(JSON.stringify(exportMyData(who('freja'), id('freja'))));
		// In message order; the file as base64, byte for byte; a file gone from DATA_DIR is null.
		expect(data.messages.attachments).toEqual([
			{ ...picture, contentBase64: photo.toString('base64') },
			{ ...gone, contentBase64: null },
			{ ...cv, contentBase64: document.toString('base64') }
		]);
		expect(Buffer.from(data.messages.attachments[2].contentBase64, 'base64').equals(document)).toBe(true);
		expect(JSON.stringify(data)).not.toContain('pas.pdf');
		expect(JSON.stringify(data)).not.toContain(Buffer.from('the preview is not exported').toString('base64'));

		const amina = JSON.parse(JSON.stringify(exportMyData(who('amina'), id('amina'))));
		expect(amina.messages.attachments).toEqual([{ ...hers, contentBase64: pdf('Amina').toString('base64') }]);
		expect(JSON.stringify(amina)).not.toContain(document.toString('base64'));
	});

	it('is an empty list without attachments', () => {
		expect(exportMyData(who('freja'), id('freja'))!.messages.attachments).toEqual([]);
		expect(exportMyData(who('noah'), id('noah'))!.messages.attachments).toEqual([]);
	});
});
