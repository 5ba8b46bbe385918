/**
 * "Who is the young person's guide right now?" answered in one place. A young person has at most
 * one active guide assignment (a unique index); without one, the youth unit answers. Every part
 * (the policy's facts, conversations, plans, the guide pages, staff lists) asks here.
 */
import { and, eq, getTableColumns, gte, isNull, lte, sql } from 'drizzle-orm';
import { prepareOnce, type Db, type Tx } from '../db';
import { inJsonIds } from '../db/slices';
import { guideAssignments, guideProfiles, users } from '../db/schema';
import { todayIso } from '../dates';

const activeAssignment = prepareOnce((database) =>
	database
		.select(getTableColumns(guideAssignments))
		.from(guideAssignments)
		.where(and(eq(guideAssignments.youthId, sql.placeholder('youthId')), isNull(guideAssignments.endedAt)))
		.prepare()
);

const activeGuides = prepareOnce((database) =>
	database
		.select({ youthId: guideAssignments.youthId, guideId: guideAssignments.guideId })
		.from(guideAssignments)
		.where(and(inJsonIds(guideAssignments.youthId), isNull(guideAssignments.endedAt)))
		.prepare()
);

const activeGuideNames = prepareOnce((database) =>
	database
		.select({ youthId: guideAssignments.youthId, id: users.id, displayName: users.displayName })
		.from(guideAssignments)
		.innerJoin(users, eq(users.id, guideAssignments.guideId))
		.where(and(inJsonIds(guideAssignments.youthId), isNull(guideAssignments.endedAt)))
		.prepare()
);

/** The young person's active assignment (inside the caller's transaction when given). */
export function currentAssignment(youthId: string, tx?: Tx | Db) {
	// Outside a transaction (every page): the query built once.
	if (!tx) return activeAssignment().get({ youthId });
	return tx
		.select()
		.from(guideAssignments)
		.where(and(eq(guideAssignments.youthId, youthId), isNull(guideAssignments.endedAt)))
		.get();
}

/** The young person's guide right now, or null (the youth unit answers). */
export function currentGuideId(youthId: string, tx?: Tx | Db): string | null {
	return currentAssignment(youthId, tx)?.guideId ?? null;
}

/** The current guide of each of these young people (absent: the youth unit answers). */
export function currentGuideIds(youthIds: readonly string[]): Map<string, string> {
	if (!youthIds.length) return new Map();
	return new Map(
		activeGuides()
			.all({ ids: JSON.stringify(youthIds) })
			.map((a) => [a.youthId, a.guideId])
	);
}

export interface GuideName {
	id: string;
	displayName: string;
}

/** The current guide of each of these young people, with their name. */
export function currentGuides(youthIds: readonly string[]): Map<string, GuideName> {
	if (!youthIds.length) return new Map();
	const rows = activeGuideNames().all({ ids: JSON.stringify(youthIds) });
	return new Map(rows.map((r) => [r.youthId, { id: r.id, displayName: r.displayName }]));
}

/** The young person's guide right now, with their name; undefined while the youth unit answers. */
export function currentGuide(youthId: string): GuideName | undefined {
	return currentGuides([youthId]).get(youthId);
}

const caseload = prepareOnce((database) =>
	database
		.select({ id: guideAssignments.youthId })
		.from(guideAssignments)
		.where(and(eq(guideAssignments.guideId, sql.placeholder('guideId')), isNull(guideAssignments.endedAt)))
		.prepare()
);

/** The young people whose guide this is now (a guide's caseload). */
export function youthOfGuide(guideId: string): string[] {
	return caseload()
		.all({ guideId })
		.map((r) => r.id);
}

/** Away on the day `today` (an ISO date): the period's first and last day included. */
const awayOn = () => and(lte(guideProfiles.awayFrom, sql.placeholder('today')), gte(guideProfiles.awayUntil, sql.placeholder('today')));
const awayGuides = prepareOnce((database) => database.select({ id: guideProfiles.userId }).from(guideProfiles).where(awayOn()).prepare());
const awayGuidesAmong = prepareOnce((database) =>
	database
		.select({ id: guideProfiles.userId })
		.from(guideProfiles)
		.where(and(awayOn(), inJsonIds(guideProfiles.userId)))
		.prepare()
);

/**
 * The guides who are away on the Copenhagen calendar day of `now` (their away period's first and
 * last day included, guide_profiles): while a guide is away, the youth unit also answers their
 * young people (issue 17). Only among `guideIds` when given.
 */
export function awayGuideIds(now: Date = new Date(), guideIds?: readonly string[]): Set<string> {
	const today = todayIso(now);
	const rows = guideIds
		? guideIds.length
			? awayGuidesAmong().all({ today, ids: JSON.stringify([...new Set(guideIds)]) })
			: []
		: awayGuides().all({ today });
	return new Set(rows.map((r) => r.id));
}
