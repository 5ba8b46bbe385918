import { sql } from 'drizzle-orm';
import { db, type Db } from '../db';
import { accessLog } from '../db/schema';
import type { Actor } from './rules';
import { newId } from '../ids';
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

function insertAccess(actor: NonNullable<Actor>, youthId: string, resource: AccessKind, purpose: AccessPurpose, at: Date) {
	const database = db();
	let insert = prepared.get(database);
	if (!insert) {
		insert = prepareInsert(database);
		prepared.set(database, insert);
	}
	insert.run({
		id: newId(),
		youthId,
		actorId: actor.id,
		actorRole: actor.role,
		actorDepartment: actor.department,
		resource,
		purpose,
		createdAt: at
	});
}

/**
 * Records that someone other than the young person read their data (docs/product.md rule 6).
 * The young person's own reads are not logged: the log answers "who has looked at my data".
 */
export function recordAccess(
	actor: NonNullable<Actor>,
	youthId: string,
	resource: AccessKind,
	purpose: AccessPurpose = purposeOf(actor, resource)
) {
	if (actor.id === youthId) return;
	insertAccess(actor, youthId, resource, purpose, new Date());
}

/**
 * Records one read of each young person's data (a staff member's list): one transaction, so a
 * list of sixty young people costs one write to disk, not sixty.
 */
export function recordAccesses(
	actor: NonNullable<Actor>,
	youthIds: readonly string[],
	resource: AccessKind,
	purpose: AccessPurpose = purposeOf(actor, resource)
) {
	const others = youthIds.filter((youthId) => youthId !== actor.id);
	if (!others.length) return;
	const at = new Date();
	db().transaction(() => {
		for (const youthId of others) insertAccess(actor, youthId, resource, purpose, at);
	});
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
