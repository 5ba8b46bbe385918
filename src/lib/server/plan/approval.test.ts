import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { accessLog, parentLinks, planApprovals, planHistory, plans, users } from '../db/schema';
import { agreeToPlan, updateGoal } from './goal';
import { approvalPdf, approvalPdfsMade, approvalToCosign, cosignPlan, listApprovals, storeApprovalPdf } from './approval';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

let db: Db;
const who = (u: string) => demoUser(db, u);
const idOf = (u: string) => who(u).id;
const planOf = (youth: string) =>
	db
		.select()
		.from(plans)
		.where(eq(plans.youthId, idOf(youth)))
		.get()!;
const approvalsOf = (youth: string) =>
	db
		.select()
		.from(planApprovals)
		.where(eq(planApprovals.planId, planOf(youth).id))
		.all();

/** The text of a PDF, page by page joined, as a reader would extract it. */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
	const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
	let text = '';
	for (let n = 1; n <= pdf.numPages; n++) {
		const content = await (await pdf.getPage(n)).getTextContent();
		text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n';
	}
	return { pages: pdf.numPages, text: text.replace(/\s+/g, ' ') };
}

/** Freja's plan changed by her guide, so she has a new version to agree to; its number. */
function newVersion(youth = 'freja', guide = 'mette'): number {
	const plan = planOf(youth);
	const result = updateGoal(who(guide), idOf(youth), {
		goalType: plan.goalType,
		goalText: 'Jeg vil være tømrer og starte på erhvervsskolen i august',
		targetDate: plan.targetDate ?? '',
		currentSituation: plan.currentSituation,
		version: String(plan.version)
	});
	expect(result).toEqual({ ok: true });
	return planOf(youth).version;
}

/** Makes `birthDate` such that the young person is `age` today. */
function setAge(youth: string, age: number) {
	const born = new Date();
	born.setFullYear(born.getFullYear() - age, born.getMonth(), born.getDate() - 1);
	db.update(users)
		.set({ birthDate: born.toISOString().slice(0, 10) })
		.where(eq(users.id, idOf(youth)))
		.run();
}

beforeEach(async () => {
	db = await freshDemoDatabase();
});

// An approval's PDF is made after the answer: done before the next test's database.
afterEach(approvalPdfsMade);

describe('approving a version of the plan', () => {
	it('keeps the version freja agrees to, with its content as the print view shows it, and a PDF', async () => {
		const version = newVersion();
		const at = new Date('2030-01-02T10:00:00Z');
		expect(await agreeToPlan(who('freja'), idOf('freja'), String(version), at)).toEqual({ ok: true });
		await approvalPdfsMade();
		const [row] = approvalsOf('freja');
		expect(row).toMatchObject({ version, approvedBy: idOf('freja'), approvedAt: at, cosignedBy: null });
		const content = row!.content as Record<string, unknown> & { steps: Array<Record<string, unknown>> };
		expect(content.goalText).toBe('Jeg vil være tømrer og starte på erhvervsskolen i august');
		expect(content.guideName).toBe(who('mette').displayName);
		expect(content.steps.length).toBeGreaterThan(1);
		expect(content.steps.every((s) => s.status !== 'proposed' && s.status !== 'declined')).toBe(true);
		expect(content.steps.find((s) => s.ownerKind === 'youth')?.ownerName).toBe(who('freja').displayName);
		expect(row!.pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	it('writes the goal, the steps, the version and who approved into one or two A4 pages', async () => {
		const version = newVersion();
		await agreeToPlan(who('freja'), idOf('freja'), String(version));
		await approvalPdfsMade();
		const [row] = approvalsOf('freja');
		const { pages, text } = await pdfText(row!.pdf!);
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(2);
		expect(text).toContain('starte på erhvervsskolen i august');
		for (const step of (row!.content as { steps: Array<{ title: string }> }).steps) expect(text).toContain(step.title);
		expect(text).toContain(`Version: ${version}`);
		expect(text).toContain(`af ${who('freja').displayName}`);
		expect(text).toContain('Afventer medunderskrift fra en forælder');
		expect(text).toContain(who('mette').displayName);
		const pdf = await getDocument({ data: new Uint8Array(row!.pdf!) }).promise;
		const { view } = await pdf.getPage(1);
		expect(view.map(Math.round)).toEqual([0, 0, 595, 842]);
	});

	it('asks a co-signature under 18 and none from 18', async () => {
		setAge('freja', 17);
		await agreeToPlan(who('freja'), idOf('freja'), String(newVersion()));
		expect(approvalsOf('freja').at(-1)!.cosignRequired).toBe(true);
		setAge('freja', 18);
		await agreeToPlan(who('freja'), idOf('freja'), String(newVersion()));
		await approvalPdfsMade();
		const adult = approvalsOf('freja').find((r) => r.version === planOf('freja').version)!;
		expect(adult.cosignRequired).toBe(false);
		expect((await pdfText(adult.pdf!)).text).not.toContain('medunderskrift');
	});

	it('answers before the PDF is made, and the PDF follows', async () => {
		await agreeToPlan(who('freja'), idOf('freja'), String(newVersion()));
		expect(approvalsOf('freja')[0]!.pdf).toBeNull();
		await approvalPdfsMade();
		expect(approvalsOf('freja')[0]!.pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	it('keeps one approval per version: agreeing again changes nothing', async () => {
		const version = newVersion();
		await agreeToPlan(who('freja'), idOf('freja'), String(version));
		await agreeToPlan(who('freja'), idOf('freja'), String(version));
		expect(approvalsOf('freja')).toHaveLength(1);
	});

	it('keeps nothing when the version is stale', async () => {
		const old = planOf('freja').version;
		newVersion();
		expect(await agreeToPlan(who('freja'), idOf('freja'), String(old))).toEqual({ ok: false, error: 'stale' });
		expect(approvalsOf('freja')).toHaveLength(0);
	});
});

describe('co-signing by a custody holder', () => {
	it('lets karen (custody, plan shared) co-sign the latest version; the PDF carries her name', async () => {
		const version = newVersion();
		await agreeToPlan(who('freja'), idOf('freja'), String(version));
		expect(approvalToCosign(who('karen'), idOf('freja'))).toMatchObject({ version, cosignedByName: null });
		const at = new Date('2030-02-03T12:00:00Z');
		expect(await cosignPlan(who('karen'), idOf('freja'), String(version), at)).toEqual({ ok: true });
		await approvalPdfsMade();
		const [row] = approvalsOf('freja');
		expect(row).toMatchObject({ cosignedBy: idOf('karen'), cosignedAt: at });
		const { text } = await pdfText(row!.pdf!);
		expect(text).toContain(`Medunderskrevet af ${who('karen').displayName} den 3. februar 2030`);
		expect(text).not.toContain('Afventer');
		expect(await cosignPlan(who('karen'), idOf('freja'), String(version))).toEqual({ ok: false, error: 'already' });
		// The plan's history says who co-signed which version, once.
		const lines = db
			.select()
			.from(planHistory)
			.where(and(eq(planHistory.planId, planOf('freja').id), eq(planHistory.action, 'plan_cosigned')))
			.all();
		expect(lines).toEqual([expect.objectContaining({ actorId: idOf('karen'), details: { version: String(version) }, createdAt: at })]);
	});

	it('no download gives the PDF without the signature once karen has co-signed, even before the new one is made', async () => {
		const version = String(newVersion());
		await agreeToPlan(who('freja'), idOf('freja'), version);
		await approvalPdfsMade();
		expect(await cosignPlan(who('karen'), idOf('freja'), version)).toEqual({ ok: true });
		const file = await approvalPdf(who('freja'), idOf('freja'), version);
		expect((await pdfText(file!.body)).text).toContain(`Medunderskrevet af ${who('karen').displayName}`);
		await approvalPdfsMade();
	});

	it('a PDF begun before the co-signature is not stored over it', async () => {
		await agreeToPlan(who('freja'), idOf('freja'), String(newVersion()));
		await approvalPdfsMade();
		const { id } = approvalsOf('freja')[0]!;
		const begun = storeApprovalPdf(id); // reads the approval now, unsigned
		db.update(planApprovals)
			.set({ cosignedBy: idOf('karen'), cosignedAt: new Date(), pdf: null })
			.where(eq(planApprovals.id, id))
			.run();
		const made = await begun;
		expect((await pdfText(made)).text).toContain('Afventer medunderskrift');
		expect(approvalsOf('freja')[0]!.pdf).toBeNull();
	});

	it('refuses a co-signature of an older version; a newer approval needs a new one', async () => {
		const first = newVersion();
		await agreeToPlan(who('freja'), idOf('freja'), String(first));
		expect(await cosignPlan(who('karen'), idOf('freja'), String(first))).toEqual({ ok: true });
		const second = newVersion();
		await agreeToPlan(who('freja'), idOf('freja'), String(second));
		expect(await cosignPlan(who('karen'), idOf('freja'), String(first))).toEqual({ ok: false, error: 'stale' });
		expect(approvalToCosign(who('karen'), idOf('freja'))).toMatchObject({ version: second, cosignedByName: null });
		expect(await cosignPlan(who('karen'), idOf('freja'), String(second))).toEqual({ ok: true });
	});

	it('lets nobody else co-sign: no custody, no plan shared, staff, the young person herself', async () => {
		const version = String(newVersion());
		await agreeToPlan(who('freja'), idOf('freja'), version);
		for (const u of ['freja', 'mette', 'ali', 'lone', 'peter'])
			expect(await cosignPlan(who(u), idOf('freja'), version), u).toEqual({ ok: false, error: 'not_allowed' });
		db.update(parentLinks)
			.set({ custody: false })
			.where(and(eq(parentLinks.parentId, idOf('karen')), eq(parentLinks.youthId, idOf('freja'))))
			.run();
		expect(await cosignPlan(who('karen'), idOf('freja'), version)).toEqual({ ok: false, error: 'not_allowed' });
		expect(approvalsOf('freja')[0]!.cosignedBy).toBeNull();
	});

	it('refuses a co-signature once freja is 18 (nobody holds custody of an adult)', async () => {
		const version = String(newVersion());
		await agreeToPlan(who('freja'), idOf('freja'), version);
		setAge('freja', 18);
		expect(await cosignPlan(who('karen'), idOf('freja'), version)).toEqual({ ok: false, error: 'not_allowed' });
	});
});

describe('reading the approved versions', () => {
	it('gives the PDF to freja, karen and her guide, logging the reads by others; 404 for the rest', async () => {
		const version = String(newVersion());
		await agreeToPlan(who('freja'), idOf('freja'), version);
		for (const u of ['freja', 'karen', 'mette', 'ali']) {
			const file = await approvalPdf(who(u), idOf('freja'), version);
			expect(file?.filename, u).toBe(`minvej-plan-version-${version}.pdf`);
		}
		expect(await approvalPdf(who('freja'), idOf('freja'), '999')).toBeNull();
		expect(await approvalPdf(who('freja'), idOf('freja'), '../1')).toBeNull();
		for (const u of ['lone', 'jonas', 'peter', 'oliver'])
			await expect(approvalPdf(who(u), idOf('freja'), version), u).rejects.toMatchObject({ status: 404 });
		const logged = (u: string) =>
			db
				.select()
				.from(accessLog)
				.where(and(eq(accessLog.youthId, idOf('freja')), eq(accessLog.actorId, idOf(u))))
				.all().length;
		expect(logged('karen')).toBeGreaterThan(0);
		expect(logged('freja')).toBe(0);
		expect(listApprovals(who('freja'), idOf('freja'))).toEqual([expect.objectContaining({ version: Number(version), latest: true })]);
		expect(listApprovals(who('lone'), idOf('freja'))).toBeNull();
	});
});
