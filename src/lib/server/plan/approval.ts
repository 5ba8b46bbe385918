/**
 * Approved versions of the plan (issue 21, "a plan with weight"): when the young person says "I
 * agree with my plan", that version is kept as it was shown (the print view's content) with a PDF
 * of it. Under 18 on that day, a custody holder who has the plan shared co-signs the latest
 * approved version on /parent; the PDF is then made again with the signature line. A newer
 * approval asks for a new co-signature.
 */
import { and, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { db, prepareOnce, type Tx } from '../db';
import { inJsonIds } from '../db/slices';
import { planApprovals, plans, users, type PlanApproval } from '../db/schema';
import { newId } from '../ids';
import { ageOn } from '../dates';
import { getSettings } from '../settings';
import { ADULT_AGE, authorize, can, recordAccess, type Actor } from '../access';
import type { PlanView } from '../../shared/plan';
import type { ApprovalView, CosignError } from '../../shared/plan-approval';
import { renderApprovalPdf, type ApprovedContent } from './pdf';
import { noteChange, type Outcome } from './history';

export type { ApprovalView, ApprovedContent, CosignError };

/** The print view's content of the plan as the young person sees it, kept with the approval. */
export function approvedContent(view: PlanView, municipality: string): ApprovedContent {
	return {
		youthName: view.youth.displayName,
		municipality,
		goalType: view.plan.goalType,
		goalText: view.plan.goalText,
		targetDate: view.plan.targetDate,
		currentSituation: view.plan.currentSituation,
		guideName: view.guide?.displayName ?? null,
		steps: view.steps
			.filter((s) => s.status !== 'proposed' && s.status !== 'declined')
			.map((s) => ({
				title: s.title,
				description: s.description,
				ownerKind: s.ownerKind,
				ownerName: s.ownerName,
				ownerDepartment: s.ownerDepartment,
				dueDate: s.dueDate,
				status: s.status
			}))
	};
}

/**
 * Keeps the version the young person approved, in the caller's transaction (agreeToPlan): its
 * content, and whether a custody holder's co-signature is asked (under 18 that day). The PDF is
 * made after the transaction (`storeApprovalPdf`). Agreeing again to a version already kept
 * changes nothing here. Returns the approval's id.
 */
export function keepApproval(
	tx: Tx,
	plan: { id: string; version: number },
	youth: { id: string; birthDate: string | null },
	content: ApprovedContent,
	now: Date
): string {
	const existing = tx
		.select({ id: planApprovals.id })
		.from(planApprovals)
		.where(and(eq(planApprovals.planId, plan.id), eq(planApprovals.version, plan.version)))
		.get();
	if (existing) return existing.id;
	const id = newId();
	tx.insert(planApprovals)
		.values({
			id,
			planId: plan.id,
			version: plan.version,
			approvedBy: youth.id,
			approvedAt: now,
			content: content as unknown as Record<string, unknown>,
			cosignRequired: youth.birthDate !== null && ageOn(youth.birthDate, now) < ADULT_AGE
		})
		.run();
	return id;
}

function nameOf(id: string | null): string | null {
	if (!id) return null;
	return db().select({ name: users.displayName }).from(users).where(eq(users.id, id)).get()?.name ?? null;
}

/**
 * Makes the approval's PDF from what was kept (and its co-signature, if any) and stores it, unless
 * the approval was co-signed while it was being made: that PDF would lack the signature, and the
 * co-signature makes its own.
 */
export async function storeApprovalPdf(approvalId: string): Promise<Buffer> {
	const row = db().select().from(planApprovals).where(eq(planApprovals.id, approvalId)).get();
	if (!row) throw new Error(`no approval ${approvalId}`);
	const pdf = await renderApprovalPdf({
		content: row.content as unknown as ApprovedContent,
		version: row.version,
		approvedAt: row.approvedAt,
		approvedByName: nameOf(row.approvedBy) ?? '',
		cosignRequired: row.cosignRequired,
		cosignedByName: nameOf(row.cosignedBy),
		cosignedAt: row.cosignedAt
	});
	db()
		.update(planApprovals)
		.set({ pdf })
		.where(
			and(
				eq(planApprovals.id, approvalId),
				row.cosignedBy === null ? isNull(planApprovals.cosignedBy) : eq(planApprovals.cosignedBy, row.cosignedBy)
			)
		)
		.run();
	return pdf;
}

const pdfsInTheMaking = new Set<Promise<unknown>>();

/**
 * Makes the approval's PDF after the answer has gone out (storeApprovalPdf): agreeing and
 * co-signing answer at once instead of waiting for the PDF (a tenth of a second, seconds on a busy
 * server). Should it fail, the approval stands and the PDF is made at its first download.
 */
export function makeApprovalPdfSoon(approvalId: string): void {
	const making: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
		.then(() => storeApprovalPdf(approvalId))
		.catch((e: unknown) => console.error('plan approval PDF', e))
		.finally(() => pdfsInTheMaking.delete(making));
	pdfsInTheMaking.add(making);
}

/** Resolves when every PDF being made has been stored (tests; a server stopping). */
export async function approvalPdfsMade(): Promise<void> {
	while (pdfsInTheMaking.size) await Promise.all(pdfsInTheMaking);
}

/**
 * Every approved version of the young person's plan has its PDF stored: waits for those being made
 * just after an agreement or a co-signature, and makes any still missing (one whose making failed).
 * For the data export, which must hold every PDF. The caller has decided the access.
 */
export async function completeApprovalPdfs(youthId: string): Promise<void> {
	await approvalPdfsMade();
	const plan = planOf(youthId);
	if (!plan) return;
	const missing = db()
		.select({ id: planApprovals.id })
		.from(planApprovals)
		.where(and(eq(planApprovals.planId, plan.id), isNull(planApprovals.pdf)))
		.all();
	for (const { id } of missing) await storeApprovalPdf(id);
}

function planOf(youthId: string) {
	return db().select({ id: plans.id }).from(plans).where(eq(plans.youthId, youthId)).get();
}

/** An approved version without its PDF: the lists show who approved and signed, not the file (a blob of tens of KB each). */
type ApprovalRow = Omit<PlanApproval, 'pdf'>;
const { pdf: _pdf, ...approvalColumns } = getTableColumns(planApprovals);

/** Built once (issue 23): the young person's plan page lists the approvals on every view. */
const approvalsOfYouth = prepareOnce((database) =>
	database
		.select(approvalColumns)
		.from(planApprovals)
		.innerJoin(plans, eq(plans.id, planApprovals.planId))
		.where(eq(plans.youthId, sql.placeholder('youthId')))
		.orderBy(desc(planApprovals.version))
		.prepare()
);
const namesOf = prepareOnce((database) =>
	database.select({ id: users.id, name: users.displayName }).from(users).where(inJsonIds(users.id)).prepare()
);

function rowsOf(youthId: string): ApprovalRow[] {
	return approvalsOfYouth().all({ youthId });
}

function toView(rows: ApprovalRow[]): ApprovalView[] {
	const ids = [...new Set(rows.flatMap((r) => [r.approvedBy, ...(r.cosignedBy ? [r.cosignedBy] : [])]))];
	const names = new Map(
		ids.length
			? namesOf()
					.all({ ids: JSON.stringify(ids) })
					.map((u) => [u.id, u.name])
			: []
	);
	return rows.map((r, i) => ({
		version: r.version,
		approvedAt: r.approvedAt,
		approvedByName: names.get(r.approvedBy) ?? '',
		cosignRequired: r.cosignRequired,
		cosignedByName: r.cosignedBy ? (names.get(r.cosignedBy) ?? '') : null,
		cosignedAt: r.cosignedAt,
		latest: i === 0
	}));
}

/**
 * The plan's approved versions, newest first, for those who may download them (the young
 * person, a custody holder who co-signs, staff who read the plan); null for anyone else. A read
 * by someone other than the young person is logged, unless the page's own read of the plan
 * already was (`planReadLogged`: the staff page shows them beside the plan it logged).
 */
export function listApprovals(actor: Actor, youthId: string, { planReadLogged = false } = {}): ApprovalView[] | null {
	if (!actor || !can(actor, 'plan.approvals.read', youthId)) return null;
	if (!planReadLogged) recordAccess(actor, youthId, 'plan');
	return toView(rowsOf(youthId));
}

/**
 * The PDF of one approved version, or null when there is none. Throws 404 unless the actor may
 * read the approvals; a download by someone other than the young person is logged. A PDF that
 * could not be made at approval is made now.
 */
export async function approvalPdf(actor: Actor, youthId: string, rawVersion: string): Promise<{ filename: string; body: Buffer } | null> {
	authorize(actor, 'plan.approvals.read', youthId);
	if (!/^[1-9][0-9]{0,8}$/.test(rawVersion)) return null;
	const version = Number(rawVersion);
	const plan = planOf(youthId);
	if (!plan) return null;
	const row = db()
		.select({ id: planApprovals.id, pdf: planApprovals.pdf })
		.from(planApprovals)
		.where(and(eq(planApprovals.planId, plan.id), eq(planApprovals.version, version)))
		.get();
	if (!row) return null;
	recordAccess(actor, youthId, 'plan');
	const body = row.pdf ?? (await storeApprovalPdf(row.id));
	return { filename: `minvej-plan-version-${version}.pdf`, body };
}

/**
 * A custody holder who has the plan shared co-signs the latest approved version (the form
 * carries the version they saw): an older version, one that asks no co-signature or one already
 * co-signed is refused. The PDF is made again with the signature line, after the answer.
 */
export async function cosignPlan(actor: Actor, youthId: string, rawVersion: unknown, now = new Date()): Promise<Outcome<CosignError>> {
	if (!actor || !can(actor, 'plan.cosign', youthId)) return { ok: false, error: 'not_allowed' };
	const latest = rowsOf(youthId)[0];
	if (!latest || String(latest.version) !== String(rawVersion ?? '').trim()) return { ok: false, error: 'stale' };
	if (!latest.cosignRequired) return { ok: false, error: 'not_needed' };
	// The signature and its line in the plan's history are one change.
	const changed = db().transaction((tx) => {
		// The PDF without the signature goes at once, so no download gives it from now on.
		const n = tx
			.update(planApprovals)
			.set({ cosignedBy: actor.id, cosignedAt: now, pdf: null })
			.where(and(eq(planApprovals.id, latest.id), isNull(planApprovals.cosignedBy)))
			.run().changes;
		if (n === 1) noteChange(tx, latest.planId, actor.id, 'plan_cosigned', { version: String(latest.version) }, now);
		return n;
	});
	if (changed !== 1) return { ok: false, error: 'already' };
	makeApprovalPdfSoon(latest.id);
	return { ok: true };
}

/** The latest approval a custody holder is asked to co-sign, or null (for the parent's page). */
export function approvalToCosign(actor: Actor, youthId: string): ApprovalView | null {
	if (!actor || !can(actor, 'plan.cosign', youthId)) return null;
	const latest = toView(rowsOf(youthId).slice(0, 1))[0];
	return latest?.cosignRequired ? latest : null;
}

/** The municipality's name for the PDF ('' when not configured). */
export function municipalityName(): string {
	return getSettings().municipalityName ?? '';
}
