/**
 * The young person's status (in school, in a youth education, in a job …), set by the guide and
 * kept with its history: every change is a new row; the current status is the newest. The young
 * person sees it too. The outcomes count young people by their status at the end of a period.
 */
import { desc, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { StatusEntry, StatusOverview } from '../../shared/followup';
import { recordAccess } from '../access';
import { db, type Tx } from '../db';
import {
	EDUCATION_PROGRAMMES,
	PREPARATORY_PROGRAMMES,
	YOUTH_EDUCATION_PROGRAMMES,
	YOUTH_STATUSES,
	users,
	youthStatusHistory,
	type YouthStatus
} from '../db/schema';
import { applyStatusChange } from '../deadlines';
import { newId } from '../ids';
import { authorize, can, type Actor } from '../access';

export const MAX_STATUS_DETAIL_LENGTH = 200;

function historyOf(youthId: string): StatusEntry[] {
	return db()
		.select({
			id: youthStatusHistory.id,
			status: youthStatusHistory.status,
			programme: youthStatusHistory.programme,
			hoursPerWeek: youthStatusHistory.hoursPerWeek,
			detail: youthStatusHistory.detail,
			createdAt: youthStatusHistory.createdAt
		})
		.from(youthStatusHistory)
		.where(eq(youthStatusHistory.youthId, youthId))
		.orderBy(desc(youthStatusHistory.createdAt), desc(sql`rowid`))
		.all();
}

/** The young person's current status; null while none was set. */
function latestStatus(tx: Tx, youthId: string): YouthStatus | null {
	return (
		tx
			.select({ status: youthStatusHistory.status })
			.from(youthStatusHistory)
			.where(eq(youthStatusHistory.youthId, youthId))
			.orderBy(desc(youthStatusHistory.createdAt), desc(sql`rowid`))
			.get()?.status ?? null
	);
}

/** The status and its history as the actor may see them; null when they may not. */
export function statusOverview(actor: NonNullable<Actor>, youthId: string): StatusOverview | null {
	if (!can(actor, 'status.read', youthId)) return null;
	recordAccess(actor, youthId, 'status');
	const history = historyOf(youthId);
	return { canSet: can(actor, 'status.set', youthId), current: history[0] ?? null, history };
}

const PROGRAMMES_OF: Partial<Record<YouthStatus, readonly string[]>> = {
	youth_education: YOUTH_EDUCATION_PROGRAMMES,
	preparatory: PREPARATORY_PROGRAMMES
};

/**
 * The form's fields: the programme only where it fits the status (a youth education's, or a
 * preparatory one's), the hours a week only for work, as a whole number 0–80. Empty: not given.
 */
const statusInput = z
	.object({
		status: z.enum(YOUTH_STATUSES),
		programme: z.union([z.literal(''), z.enum(EDUCATION_PROGRAMMES)]).default(''),
		hours: z
			.string()
			.trim()
			.regex(/^(\d{1,2})?$/)
			.default('')
			.transform((h) => (h === '' ? null : Number(h)))
			.refine((h) => h === null || h <= 80),
		detail: z.string().trim().max(MAX_STATUS_DETAIL_LENGTH)
	})
	.superRefine((v, ctx) => {
		if (v.programme && !PROGRAMMES_OF[v.status]?.includes(v.programme)) ctx.addIssue({ code: 'custom', path: ['programme'] });
		if (v.hours !== null && v.status !== 'work') ctx.addIssue({ code: 'custom', path: ['hours'] });
	});

export type StatusError = 'status' | 'programme' | 'hours' | 'detail';

const STATUS_ERRORS: readonly StatusError[] = ['status', 'programme', 'hours', 'detail'];

/** The guide records a new status (with an optional detail such as "FGU" or "tømrerlærling"). */
export function setStatus(
	actor: Actor,
	youthId: string,
	raw: Record<string, unknown>,
	now = new Date()
): { ok: true } | { ok: false; error: StatusError } {
	authorize(actor, 'status.set', youthId);
	const parsed = statusInput.safeParse(raw);
	if (!parsed.success) {
		const field = parsed.error.issues[0]?.path[0];
		return { ok: false, error: STATUS_ERRORS.find((e) => e === field) ?? 'status' };
	}
	const { status, programme, hours, detail } = parsed.data;
	// One transaction: the new entry, and the legal deadlines it starts or meets (issue 21).
	db().transaction((tx) => {
		const previous = latestStatus(tx, youthId);
		const entryId = newId();
		tx.insert(youthStatusHistory)
			.values({
				id: entryId,
				youthId,
				status,
				programme: programme || null,
				hoursPerWeek: hours,
				detail: detail || null,
				setBy: actor.id,
				createdAt: now
			})
			.run();
		const birthDate = tx.select({ birthDate: users.birthDate }).from(users).where(eq(users.id, youthId)).get()?.birthDate ?? null;
		applyStatusChange(tx, { youthId, entryId, previous, next: status, birthDate }, now);
	});
	return { ok: true };
}

/**
 * Each young person's status as it stood just before `before` ('unknown' when none was set).
 * For aggregates only: it returns no names and checks no per-person access.
 */
export function statusesBefore(youthIds: string[], before: Date): Map<string, YouthStatus> {
	const result = new Map<string, YouthStatus>(youthIds.map((id) => [id, 'unknown']));
	if (!youthIds.length) return result;
	const rows = db()
		.select({ youthId: youthStatusHistory.youthId, status: youthStatusHistory.status })
		.from(youthStatusHistory)
		.where(lt(youthStatusHistory.createdAt, before))
		.orderBy(youthStatusHistory.createdAt, sql`rowid`)
		.all();
	for (const row of rows) if (result.has(row.youthId)) result.set(row.youthId, row.status);
	return result;
}

/**
 * An imported caseload's status (admin/, the coordinator's import): a new entry when it differs
 * from the current one ('unknown' while none was set). In the caller's transaction; the admin part
 * has checked the actor (null: the command-line import).
 */
export function importStatus(tx: Tx, youthId: string, status: YouthStatus, actorId: string | null, now: Date): boolean {
	if ((latestStatus(tx, youthId) ?? 'unknown') === status) return false;
	tx.insert(youthStatusHistory).values({ id: newId(), youthId, status, setBy: actorId, createdAt: now }).run();
	return true;
}
