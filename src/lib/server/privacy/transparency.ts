/**
 * Transparency for the young person (docs/product.md rule 6): "who has looked at my data" from the
 * access log, and "download my data": everything Minvej holds about them as JSON.
 */
import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { db } from '../db';
import * as s from '../db/schema';
import { consentHistory } from '../consent';
import { can, groupAccessLog, type Actor } from '../access';
import { addDaysIso, isIsoDate, startOfDayIn, todayIso } from '../dates';
import { readStoredFile } from '../attachments';
import { completeApprovalPdfs } from '../plan';
import type { AccessLogView } from '../../shared/privacy';

/** How many days "who has looked" shows at a time (older ones behind "show older"). */
export const LOOK_WINDOW_DAYS = 90;
/** At most this many reads in one window: the oldest day is then left for the next window. */
export const LOOK_WINDOW_ROWS = 5000;

/**
 * "Who has looked at my data" (rule 6): the reads of the young person's data by someone else in
 * the LOOK_WINDOW_DAYS days before `before` (a YYYY-MM-DD date, or up to now), grouped one line per
 * person per day by the access part, newest day first, and where the older days begin.
 */
export function whoHasLooked(
	actor: Actor,
	youthId: string,
	{ before = null, now = new Date(), maxRows = LOOK_WINDOW_ROWS }: { before?: string | null; now?: Date; maxRows?: number } = {}
): AccessLogView | null {
	if (!actor || !can(actor, 'privacy.read', youthId)) return null;
	const today = todayIso(now);
	const end = before && isIsoDate(before) && before <= today ? before : null;
	const firstDay = addDaysIso(end ?? addDaysIso(today, 1), -LOOK_WINDOW_DAYS);
	const from = startOfDayIn(firstDay);
	const rows = db()
		.select({
			actorId: s.accessLog.actorId,
			name: s.users.displayName,
			role: s.accessLog.actorRole,
			department: s.accessLog.actorDepartment,
			resource: s.accessLog.resource,
			purpose: s.accessLog.purpose,
			createdAt: s.accessLog.createdAt
		})
		.from(s.accessLog)
		.innerJoin(s.users, eq(s.users.id, s.accessLog.actorId))
		.where(
			and(
				eq(s.accessLog.youthId, youthId),
				gte(s.accessLog.createdAt, from),
				end ? lt(s.accessLog.createdAt, startOfDayIn(end)) : undefined
			)
		)
		.orderBy(desc(s.accessLog.createdAt), desc(s.accessLog.id))
		.limit(maxRows + 1)
		.all();
	let days = groupAccessLog(rows.slice(0, maxRows));
	let older: string | null;
	if (rows.length > maxRows) {
		// Too many reads for one window: its oldest day may be cut short, so it goes whole into the
		// next window (unless it is the only day: then the rest of that day is left out).
		const oldest = days.at(-1)!.date;
		if (days.length > 1) {
			days = days.slice(0, -1);
			older = addDaysIso(oldest, 1);
		} else older = oldest;
	} else {
		const earlier = db()
			.select({ id: s.accessLog.id })
			.from(s.accessLog)
			.where(and(eq(s.accessLog.youthId, youthId), lt(s.accessLog.createdAt, from)))
			.limit(1)
			.get();
		older = earlier ? firstDay : null;
	}
	return { today, yesterday: addDaysIso(today, -1), before: end, days, older };
}

/** Who a set of user ids are (name and role only), for the export. */
function people(ids: Array<string | null | undefined>) {
	const list = [...new Set(ids.filter((id): id is string => !!id))];
	if (!list.length) return {};
	return Object.fromEntries(
		db()
			.select({ id: s.users.id, name: s.users.displayName, role: s.users.role, department: s.users.department })
			.from(s.users)
			.where(inArray(s.users.id, list))
			.all()
			.map((u) => [u.id, { name: u.name, role: u.role, department: u.department }])
	);
}

/**
 * The photos and PDFs sent in the conversations `threadIds` (theirs and their guides'), in message
 * order: what the row says and the file itself as base64 (the stored file: a photo as re-encoded
 * on arrival, without its EXIF; the small preview is made from it and left out). A file that is
 * gone from DATA_DIR has `contentBase64: null`.
 */
function attachmentsOf(threadIds: string[]) {
	if (!threadIds.length) return [];
	return db()
		.select({
			id: s.messageAttachments.id,
			messageId: s.messageAttachments.messageId,
			kind: s.messageAttachments.kind,
			name: s.messageAttachments.name,
			mime: s.messageAttachments.mime,
			size: s.messageAttachments.size,
			createdAt: s.messageAttachments.createdAt
		})
		.from(s.messageAttachments)
		.innerJoin(s.messages, eq(s.messages.id, s.messageAttachments.messageId))
		.where(inArray(s.messages.threadId, threadIds))
		.orderBy(asc(s.messages.threadId), asc(s.messages.seq))
		.all()
		.map(({ id, ...attachment }) => ({ ...attachment, contentBase64: readStoredFile(id, 'file')?.toString('base64') ?? null }));
}

/**
 * Everything Minvej holds about the young person: profile, parents, guides, plan with steps,
 * comments, meetings and history, guide requests, consent records and requests, messages with
 * their attachments (the files included), check-ins, status and the access log about them.
 * Secrets (the password hash) are left out.
 */
/**
 * "Download my data": exportMyData once every approved version's PDF is stored (one is made just
 * after an agreement, so a download in that moment would otherwise hold no PDF for it).
 */
export async function downloadMyData(actor: Actor, youthId: string, now = new Date()) {
	if (!actor || !can(actor, 'data.export', youthId)) return null;
	await completeApprovalPdfs(youthId);
	return exportMyData(actor, youthId, now);
}

export function exportMyData(actor: Actor, youthId: string, now = new Date()) {
	if (!actor || !can(actor, 'data.export', youthId)) return null;
	const d = db();
	const user = d.select().from(s.users).where(eq(s.users.id, youthId)).get();
	if (!user) return null;
	const { passwordHash: _secret, ...profile } = user;

	const plan = d.select().from(s.plans).where(eq(s.plans.youthId, youthId)).get() ?? null;
	const steps = plan ? d.select().from(s.planSteps).where(eq(s.planSteps.planId, plan.id)).orderBy(asc(s.planSteps.position)).all() : [];
	const stepIds = steps.map((st) => st.id);
	const comments = stepIds.length ? d.select().from(s.stepComments).where(inArray(s.stepComments.stepId, stepIds)).all() : [];
	const meetings = plan ? d.select().from(s.meetings).where(eq(s.meetings.planId, plan.id)).orderBy(asc(s.meetings.startsAt)).all() : [];
	// The approved versions (issue 21): what was approved, when, who co-signed, and the PDF itself.
	const approvals = plan
		? d
				.select()
				.from(s.planApprovals)
				.where(eq(s.planApprovals.planId, plan.id))
				.orderBy(asc(s.planApprovals.version))
				.all()
				.map(({ pdf, ...approval }) => ({ ...approval, pdfBase64: pdf?.toString('base64') ?? null }))
		: [];
	const planHistory = plan
		? d.select().from(s.planHistory).where(eq(s.planHistory.planId, plan.id)).orderBy(asc(s.planHistory.createdAt)).all()
		: [];

	const threads = d.select().from(s.messageThreads).where(eq(s.messageThreads.youthId, youthId)).all();
	const messages = threads.length
		? d
				.select()
				.from(s.messages)
				.where(
					inArray(
						s.messages.threadId,
						threads.map((t) => t.id)
					)
				)
				.orderBy(asc(s.messages.threadId), asc(s.messages.seq))
				.all()
		: [];

	const attachments = attachmentsOf(threads.map((t) => t.id));

	const parentLinks = d.select().from(s.parentLinks).where(eq(s.parentLinks.youthId, youthId)).all();
	const guideAssignments = d.select().from(s.guideAssignments).where(eq(s.guideAssignments.youthId, youthId)).all();
	const guideRequests = d.select().from(s.guideRequests).where(eq(s.guideRequests.youthId, youthId)).all();
	const consentRequests = d.select().from(s.consentRequests).where(eq(s.consentRequests.youthId, youthId)).all();
	const checkinSchedules = d.select().from(s.checkinSchedules).where(eq(s.checkinSchedules.youthId, youthId)).all();
	const checkins = d.select().from(s.checkins).where(eq(s.checkins.youthId, youthId)).orderBy(asc(s.checkins.dueOn)).all();
	const statusHistory = d
		.select()
		.from(s.youthStatusHistory)
		.where(eq(s.youthStatusHistory.youthId, youthId))
		.orderBy(asc(s.youthStatusHistory.createdAt))
		.all();
	const accessLog = d.select().from(s.accessLog).where(eq(s.accessLog.youthId, youthId)).orderBy(asc(s.accessLog.createdAt)).all();
	const pushSubscriptions = d
		.select({ id: s.pushSubscriptions.id, createdAt: s.pushSubscriptions.createdAt })
		.from(s.pushSubscriptions)
		.where(eq(s.pushSubscriptions.userId, youthId))
		.all();
	const sessions = d
		.select({ createdAt: s.sessions.createdAt, lastUsedAt: s.sessions.lastUsedAt })
		.from(s.sessions)
		.where(eq(s.sessions.userId, youthId))
		.all();
	return {
		kind: 'minvej-my-data',
		exportedAt: now,
		profile,
		parents: parentLinks,
		guides: { assignments: guideAssignments, requests: guideRequests },
		plan: plan ? { ...plan, steps, comments, meetings, history: planHistory, approvals } : null,
		consent: { records: consentHistory(actor, youthId) ?? [], requests: consentRequests },
		messages: { threads, messages, attachments },
		checkins: { schedules: checkinSchedules, checkins },
		statusHistory,
		accessLog,
		devices: { pushSubscriptions, sessions },
		people: people([
			...parentLinks.map((l) => l.parentId),
			...guideAssignments.map((a) => a.guideId),
			...guideRequests.flatMap((r) => [r.guideId, r.decidedBy, r.suggestedGuideId, r.requestedBy]),
			...messages.map((m) => m.senderId),
			...accessLog.map((a) => a.actorId),
			...steps.map((st) => st.ownerUserId),
			...comments.map((c) => c.authorId),
			...planHistory.map((h) => h.actorId),
			...approvals.flatMap((a) => [a.approvedBy, a.cosignedBy]),
			...consentRequests.map((r) => r.requestedBy)
		])
	};
}
