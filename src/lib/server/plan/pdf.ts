/**
 * The PDF of an approved plan version (issue 21): one or two A4 pages with the print view's
 * content (goal, target date, where things stand, the steps with owner, due date and status,
 * the guide), the municipality, the version, who approved it and when, and the co-signature line.
 *
 * Made with pdfkit (a maintained PDF writer that lays out and wraps text and breaks pages by
 * itself) in Danish, with Noto Sans embedded (from @fontsource/noto-sans, Latin: æ, ø, å and the
 * other Western European letters); no font is read from the machine.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { m } from '$lib/paraglide/messages.js';
import type { Department, GoalType, StepOwnerKind, StepStatus } from '../db/schema';
import { formatDate, formatDay } from '$lib/shared/plan-dates';

/** The plan as approved, kept as JSON in plan_approvals.content. */
export interface ApprovedContent {
	youthName: string;
	municipality: string;
	goalType: GoalType;
	goalText: string;
	targetDate: string | null;
	currentSituation: string;
	guideName: string | null;
	steps: Array<{
		title: string;
		description: string;
		ownerKind: StepOwnerKind;
		ownerName: string | null;
		ownerDepartment: Department | null;
		dueDate: string | null;
		status: StepStatus;
	}>;
}

export interface ApprovalPdfInput {
	content: ApprovedContent;
	version: number;
	approvedAt: Date;
	approvedByName: string;
	cosignRequired: boolean;
	cosignedByName: string | null;
	cosignedAt: Date | null;
}

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff');
const FONT_BOLD = require.resolve('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff');

/** The PDF is in Danish, the municipality's language. */
const da = { locale: 'da' } as const;

function goalTypeText(type: GoalType): string {
	return { education: m.goal_type_education, job: m.goal_type_job, preparatory: m.goal_type_preparatory }[type]({}, da);
}

function statusText(status: StepStatus): string {
	return {
		proposed: m.plan_status_proposed,
		todo: m.plan_status_todo,
		doing: m.plan_status_doing,
		done: m.plan_status_done,
		declined: m.plan_status_declined
	}[status]({}, da);
}

function departmentText(department: Department): string {
	return {
		uu: m.department_uu,
		jobcenter: m.department_jobcenter,
		family: m.department_family,
		fgu: m.department_fgu,
		ppr: m.department_ppr,
		addiction: m.department_addiction
	}[department]({}, da);
}

function ownerText(step: ApprovedContent['steps'][number]): string {
	const department = step.ownerDepartment ? departmentText(step.ownerDepartment) : null;
	if (step.ownerName && department) return `${step.ownerName} (${department})`;
	return step.ownerName ?? department ?? m.approval_pdf_owner_unknown({}, da);
}

/** The signature line: co-signed by whom and when, waiting for a parent, or nothing. */
export function cosignLine(input: Pick<ApprovalPdfInput, 'cosignRequired' | 'cosignedByName' | 'cosignedAt'>): string | null {
	if (input.cosignedByName && input.cosignedAt)
		return m.approval_pdf_cosigned({ name: input.cosignedByName, date: formatDay(input.cosignedAt, 'da') }, da);
	return input.cosignRequired ? m.approval_pdf_cosign_waiting({}, da) : null;
}

/** Renders the approved version as a PDF (A4). */
export function renderApprovalPdf(input: ApprovalPdfInput): Promise<Buffer> {
	const { content } = input;
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: 56, bottom: 56, left: 62, right: 62 },
		// No built-in font: only the embedded one is used (and no font metrics are read from disk).
		font: null as unknown as string,
		info: { Title: m.approval_pdf_title({ name: content.youthName }, da), Author: content.municipality || 'Minvej' },
		lang: 'da-DK'
	});
	doc.registerFont('regular', FONT_REGULAR);
	doc.registerFont('bold', FONT_BOLD);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(13).text(text).moveDown(0.2);
	const line = (label: string, value: string) =>
		doc.font('bold').fontSize(10.5).text(`${label}: `, { continued: true }).font('regular').text(value);

	if (content.municipality) doc.font('regular').fontSize(10).fillColor('#444').text(content.municipality).fillColor('black');
	doc
		.font('bold')
		.fontSize(18)
		.text(m.approval_pdf_title({ name: content.youthName }, da));
	doc.moveDown(0.3);
	doc.font('regular').fontSize(10.5);
	line(m.approval_pdf_version_label({}, da), String(input.version));
	line(
		m.approval_pdf_approved_label({}, da),
		m.approval_pdf_approved({ name: input.approvedByName, date: formatDay(input.approvedAt, 'da') }, da)
	);
	const cosign = cosignLine(input);
	if (cosign) doc.font('regular').fontSize(10.5).text(cosign);

	heading(m.plan_goal_heading({}, da));
	doc.font('regular').fontSize(11).text(content.goalText);
	doc.moveDown(0.3);
	line(m.plan_goal_type({}, da), goalTypeText(content.goalType));
	line(m.plan_target_date({}, da), content.targetDate ? formatDate(content.targetDate, 'da') : m.plan_no_target({}, da));
	if (content.currentSituation) line(m.plan_situation({}, da), content.currentSituation);

	heading(m.approval_pdf_steps({}, da));
	if (!content.steps.length) doc.font('regular').fontSize(10.5).text(m.approval_pdf_no_steps({}, da));
	content.steps.forEach((step, i) => {
		doc
			.font('bold')
			.fontSize(11)
			.text(`${i + 1}. ${step.title}`);
		if (step.description) doc.font('regular').fontSize(10).text(step.description, { indent: 14 });
		const facts = [
			`${m.approval_pdf_owner({}, da)}: ${ownerText(step)}`,
			`${m.plan_step_due({}, da)}: ${step.dueDate ? formatDate(step.dueDate, 'da') : '–'}`,
			`${m.plan_step_status({}, da)}: ${statusText(step.status)}`
		];
		doc.font('regular').fontSize(10).fillColor('#333').text(facts.join('   ·   '), { indent: 14 }).fillColor('black');
		doc.moveDown(0.4);
	});

	heading(m.approval_pdf_guide({}, da));
	doc
		.font('regular')
		.fontSize(10.5)
		.text(content.guideName ?? m.approval_pdf_no_guide({}, da));

	doc.end();
	return done;
}
