import { sql } from 'drizzle-orm';
import { addToBatch, db, startBatch, takeBatch, type Db } from '../db';
import { accessLog } from '../db/schema';
import type { Actor } from './rules';
import { newTimeOrderedId } from '../ids';
import { todayIso } from '../dates';
import type { Department, Role } from '../../shared/domain';
import {
	ACCESS_KINDS,
	ACCESS_PURPOSES,
	type AccessDay,
	type AccessKind,
	type AccessLine,
	type AccessPurpose,
	type ShownAccessKind
} from '../../shared/privacy';

/**
 * The access log's one INSERT, prepared once per database: staff lists log a read for every
 * young person on them, and Drizzle building a fresh INSERT each time cost more than the write.
 */
const prepared = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

function prepareInsert(database: Db) {
	return database
		.insert(accessLog)
		.values({
			id: sql.placeholder('id'),
			youthId: sql.placeholder('youthId'),
			actorId: sql.placeholder('actorId'),
			actorRole: sql.placeholder('actorRole'),
			actorDepartment: sql.placeholder('actorDepartment'),
			resource: sql.placeholder('resource'),
			purpose: sql.placeholder('purpose'),
			createdAt: sql.placeholder('createdAt')
		})
		.prepare();
}

/**
 * Why a read is made, when the caller does not say (issue 21: the log carries a purpose for each
 * read). A parent reads what the young person shares with them; staff read a kind for the work it
 * belongs to. Callers whose context says more (the visitation reads a plan to decide a guide
 * request; the escalation list is follow-up) name the purpose themselves.
 */
export function purposeOf(actor: NonNullable<Actor>, resource: AccessKind): AccessPurpose {
	if (actor.role === 'parent') return 'parent_view';
	switch (resource) {
		case 'messages':
			return 'messages';
		case 'consent':
			return 'consent_check';
		case 'checkins':
		case 'status':
			return 'follow_up';
		case 'requests':
			return 'visitation';
		case 'plan_overview':
		case 'caseload':
			return 'caseload';
		default:
			return 'plan_work';
	}
}

/** One row for the access log, made when the read is made (its id and time), written now or at the end of the request. */
type AccessEntry = {
	id: string;
	youthId: string;
	actorId: string;
	actorRole: Role;
	actorDepartment: Department | null;
	resource: AccessKind;
	purpose: AccessPurpose;
	createdAt: Date;
};

/** The request scope's batch the reads of one request are kept in (db/request-scope.ts). */
const BATCH = 'access-log';

function entryOf(actor: NonNullable<Actor>, youthId: string, resource: AccessKind, purpose: AccessPurpose, at: Date): AccessEntry {
	return {
		// Time-ordered: the log has a row for every read, and a random id would land on a random
		// page of its primary key (issue 23: a 59-row write 5–10× slower on a million rows).
		id: newTimeOrderedId(at),
		youthId,
		actorId: actor.id,
		actorRole: actor.role,
		actorDepartment: actor.department,
		resource,
		purpose,
		createdAt: at
	};
}

/** Writes the entries in one transaction. */
function insertEntries(entries: readonly AccessEntry[]) {
	if (!entries.length) return;
	const database = db();
	let insert = prepared.get(database);
	if (!insert) {
		insert = prepareInsert(database);
		prepared.set(database, insert);
	}
	if (entries.length === 1) insert.run(entries[0]);
	else database.transaction(() => entries.forEach((entry) => insert.run(entry)));
}

/** Keeps the entries for the end of the request (`logAccessesOf`), or writes them now outside one. */
function keepOrInsert(entries: readonly AccessEntry[]) {
	// The batch is open for the whole request or not at all: every entry is kept, or none is.
	if (entries.length && entries.every((entry) => addToBatch(BATCH, entry))) return;
	insertEntries(entries);
}

/**
 * Records that someone other than the young person read their data (docs/product.md rule 6).
 * The young person's own reads are not logged: the log answers "who has looked at my data".
 * In a request the read is written with the request's other reads before its response goes out
 * (`logAccessesOf`); outside one (scripts, the scheduler, tests) at once.
 */
export function recordAccess(
	actor: NonNullable<Actor>,
	youthId: string,
	resource: AccessKind,
	purpose: AccessPurpose = purposeOf(actor, resource)
) {
	if (actor.id === youthId) return;
	keepOrInsert([entryOf(actor, youthId, resource, purpose, new Date())]);
}

/**
 * Records one read of each young person's data (a staff member's list), like `recordAccess`;
 * written at once, outside a request, in one transaction, so a list of sixty young people costs
 * one write to disk, not sixty.
 */
export function recordAccesses(
	actor: NonNullable<Actor>,
	youthIds: readonly string[],
	resource: AccessKind,
	purpose: AccessPurpose = purposeOf(actor, resource)
) {
	keepOrInsert(entriesOf(actor, youthIds, resource, purpose));
}

/**
 * Records the reads like `recordAccesses`, written now even in a request: for a live stream,
 * whose events go out as they come, also when a write in someone else's request wakes it (its
 * reads must not wait for that other request's end, nor fail it).
 */
export function recordAccessesAtOnce(
	actor: NonNullable<Actor>,
	youthIds: readonly string[],
	resource: AccessKind,
	purpose: AccessPurpose = purposeOf(actor, resource)
) {
	insertEntries(entriesOf(actor, youthIds, resource, purpose));
}

function entriesOf(actor: NonNullable<Actor>, youthIds: readonly string[], resource: AccessKind, purpose: AccessPurpose) {
	const at = new Date();
	return youthIds.filter((youthId) => youthId !== actor.id).map((youthId) => entryOf(actor, youthId, resource, purpose, at));
}

/**
 * Runs `work` (one request: hooks.server.ts) keeping back the reads it records, then writes them
 * all in one transaction (issue 23: one write per page view, not one per list). The write comes
 * before `work`'s answer is handed on, and a write that fails throws: a response goes out only
 * once every read it shows is on record (DESIGN: every acknowledged read is logged). Reads made
 * after `work` has ended (a stream's events) are written at once. Work that throws still has
 * its reads written.
 */
export async function logAccessesOf<T>(work: () => Promise<T>): Promise<T> {
	startBatch(BATCH);
	try {
		return await work();
	} finally {
		insertEntries(takeBatch<AccessEntry>(BATCH));
	}
}

/** One row of the access log as the young person's page reads it: who, in which role, what, when. */
export interface AccessRow {
	actorId: string;
	name: string;
	role: Role;
	department: Department | null;
	resource: string;
	/** Stored as text: a purpose this version does not know is shown as 'unspecified'. */
	purpose: string;
	createdAt: Date;
}

/**
 * Reads by one person this close together are one look (one page: a plan view logs the plan and
 * the meetings, a staff page the profile and the plan, a few milliseconds apart).
 */
export const LOOK_GAP_MS = 1000;

const KIND_ORDER: readonly ShownAccessKind[] = [...ACCESS_KINDS, 'other'];
const known = new Set<string>(ACCESS_KINDS);

/** The kind as the page names it: a kind this version does not know is "your information". */
const shownKind = (resource: string): ShownAccessKind => (known.has(resource) ? (resource as AccessKind) : 'other');

const knownPurposes = new Set<string>(ACCESS_PURPOSES);
const shownPurpose = (purpose: string): AccessPurpose => (knownPurposes.has(purpose) ? (purpose as AccessPurpose) : 'unspecified');

const addPurpose = (purposes: AccessPurpose[], purpose: AccessPurpose) => {
	if (purposes.includes(purpose)) return;
	purposes.push(purpose);
	purposes.sort((a, b) => ACCESS_PURPOSES.indexOf(a) - ACCESS_PURPOSES.indexOf(b));
};

const addKind = (kinds: ShownAccessKind[], kind: ShownAccessKind) => {
	if (kinds.includes(kind)) return;
	kinds.push(kind);
	kinds.sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
};

/**
 * The access log as the young person reads it (docs/product.md rule 6, issue 20): one line per
 * person per Copenhagen day, naming everything they saw that day, with the times of their looks
 * (reads within LOOK_GAP_MS of each other are one look) for those who want them, and why: the
 * purposes of the reads (issue 21). Newest day first,
 * and in a day the person who looked last first. Caseworkers' and parents' lines are flagged:
 * they are outside the guide and the youth unit, and the young person should notice them.
 */
export function groupAccessLog(rows: readonly AccessRow[]): AccessDay[] {
	const sorted = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
	const days = new Map<string, Map<string, AccessLine>>();
	/** The earliest read of each line's latest look so far (the rows come newest first). */
	const lookStart = new Map<AccessLine, number>();
	for (const row of sorted) {
		const date = todayIso(row.createdAt);
		let lines = days.get(date);
		if (!lines) days.set(date, (lines = new Map()));
		let line = lines.get(row.actorId);
		if (!line) {
			line = {
				actorId: row.actorId,
				name: row.name,
				role: row.role,
				department: row.department,
				flagged: row.role === 'caseworker' || row.role === 'parent',
				kinds: [],
				purposes: [],
				looks: []
			};
			lines.set(row.actorId, line);
		}
		const kind = shownKind(row.resource);
		const purpose = shownPurpose(row.purpose);
		addKind(line.kinds, kind);
		addPurpose(line.purposes, purpose);
		const at = row.createdAt.getTime();
		const look = line.looks.at(-1);
		if (look && lookStart.get(line)! - at <= LOOK_GAP_MS) {
			addKind(look.kinds, kind);
			addPurpose(look.purposes, purpose);
		} else line.looks.push({ at: row.createdAt, kinds: [kind], purposes: [purpose] });
		lookStart.set(line, at);
	}
	return [...days].map(([date, lines]) => ({ date, lines: [...lines.values()] }));
}
