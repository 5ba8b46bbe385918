/**
 * The dry run of an import: every row checked on its own (rows.ts), then against the other rows
 * (one row per stable id, guides and young people that exist) and against the database (what
 * would be created, what changed, what is the same already). Nothing is written here.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { db } from '../../db';
import { inSlices } from '../../db/slices';
import { caseloadIndex, guideProfiles, parentLinks, plans, users, type User } from '../../db/schema';
import { currentGuideIds } from '../../access';
import { splitCsv, type CsvRecord } from './csv';
import type { ImportError } from './errors';
import { readHeader, readRow, type Column, type ImportRow, type ParentRow, type StaffRow, type YouthRow } from './rows';

export type RowAction = 'create' | 'change' | 'unchanged';

export interface PlannedRow {
	row: number;
	type: ImportRow['type'];
	externalId: string;
	name: string;
	action: RowAction;
	/** The fields that would change (for 'change'). */
	changes: string[];
}

export interface ImportCheck {
	/** Rows below the header. */
	rows: number;
	errors: ImportError[];
	plan: PlannedRow[];
	counts: Record<RowAction, number>;
}

/** What the apply step needs: the valid rows and how their references resolve. */
export interface Prepared {
	rows: ImportRow[];
	/** Existing accounts by external id. */
	existing: Map<string, User>;
	/** A young person's guide: the user id of an existing guide, or the external id of a staff row in the file. */
	guideOf: Map<string, { userId: string } | { externalId: string }>;
	plan: PlannedRow[];
}

const byRow = (a: ImportError, b: ImportError) => (a.row ?? 0) - (b.row ?? 0);

function emptyCheck(rows: number, errors: ImportError[]): ImportCheck {
	return { rows, errors: errors.sort(byRow), plan: [], counts: { create: 0, change: 0, unchanged: 0 } };
}

/** Checks the whole file; `prepared` is there only when it has no error at all. */
export function checkText(text: string, now = new Date()): { check: ImportCheck; prepared: Prepared | null } {
	const split = splitCsv(text);
	if (!split.ok) return { check: emptyCheck(0, [split.error]), prepared: null };
	const { columns, errors } = readHeader(split.header);
	if (errors.length) return { check: emptyCheck(split.records.length, errors), prepared: null };
	const rows = split.records.map((r: CsvRecord) => readRow(r, columns, now, errors)).filter((r): r is ImportRow => r !== null);
	crossCheck(rows, errors);
	const existing = existingAccounts(rows);
	const guideOf = resolveReferences(rows, existing, errors);
	for (const row of rows) {
		const account = existing.get(row.externalId);
		const wanted = row.type === 'staff' ? ['guide', 'caseworker', 'coordinator'] : [row.type];
		if (account && !wanted.includes(account.role)) errors.push({ row: row.row, column: 'external_id', reason: 'id_taken', detail: row.externalId });
		else if (row.type === 'staff' && account && account.role !== row.role) errors.push({ row: row.row, column: 'role', reason: 'role_change' });
	}
	if (errors.length) {
		// Each error names its column as the file spells it (e.g. »fødselsdato«, not birth_date).
		const asWritten = new Map(columns.map((column, i) => [column, split.header[i]!]));
		const located = errors.map((e) => (e.column && asWritten.has(e.column as Column) ? { ...e, column: asWritten.get(e.column as Column)! } : e));
		return { check: emptyCheck(split.records.length, located), prepared: null };
	}
	const plan = planRows(rows, existing, guideOf);
	const counts = { create: 0, change: 0, unchanged: 0 };
	for (const p of plan) counts[p.action]++;
	return { check: { rows: split.records.length, errors: [], plan, counts }, prepared: { rows, existing, guideOf, plan } };
}

/** One row per stable id (a parent once per young person, under one name). */
function crossCheck(rows: ImportRow[], errors: ImportError[]) {
	const people = new Map<string, ImportRow>();
	const links = new Map<string, ImportRow>();
	const duplicate = (row: ImportRow, earlier: ImportRow) =>
		errors.push({ row: row.row, column: 'external_id', reason: 'duplicate', detail: String(earlier.row) });
	for (const row of rows) {
		const person = people.get(row.externalId);
		if (row.type !== 'parent') {
			if (person) duplicate(row, person);
			else people.set(row.externalId, row);
			continue;
		}
		const link = links.get(`${row.externalId}/${row.youth}`);
		if (person && person.type !== 'parent') duplicate(row, person);
		else if (link) duplicate(row, link);
		else if (person && person.name !== row.name) errors.push({ row: row.row, column: 'name', reason: 'parent_name', detail: String(person.row) });
		else {
			links.set(`${row.externalId}/${row.youth}`, row);
			if (!person) people.set(row.externalId, row);
		}
	}
}

function existingAccounts(rows: ImportRow[]): Map<string, User> {
	const ids = [...new Set(rows.map((r) => r.externalId))];
	return new Map(
		inSlices(ids, (slice) => db().select().from(users).where(inArray(users.externalId, slice)).all()).map((u) => [u.externalId!, u])
	);
}

/** Guides and young people the rows name: in the file, or active in Minvej. */
function resolveReferences(rows: ImportRow[], existing: Map<string, User>, errors: ImportError[]) {
	const inFile = new Map(rows.filter((r) => r.type !== 'parent').map((r) => [r.externalId, r as YouthRow | StaffRow]));
	const guideRefs = [...new Set(rows.flatMap((r) => (r.type === 'youth' && r.guide && !inFile.has(r.guide) ? [r.guide] : [])))];
	const guides = inSlices(guideRefs, (slice) =>
		db()
			.select({ id: users.id, username: users.username, externalId: users.externalId })
			.from(users)
			.where(and(eq(users.role, 'guide'), isNull(users.disabledAt), or(inArray(users.externalId, slice), inArray(users.username, slice))))
			.all()
	);
	const guideByRef = new Map<string, string>();
	for (const g of guides) {
		guideByRef.set(g.username, g.id);
		if (g.externalId) guideByRef.set(g.externalId, g.id);
	}
	const guideOf = new Map<string, { userId: string } | { externalId: string }>();
	for (const row of rows) {
		if (row.type === 'youth' && row.guide) {
			const staff = inFile.get(row.guide);
			if (staff) {
				if (staff.type !== 'staff' || staff.role !== 'guide') errors.push({ row: row.row, column: 'guide', reason: 'not_guide', detail: row.guide });
				else guideOf.set(row.externalId, existing.get(staff.externalId) ? { userId: existing.get(staff.externalId)!.id } : { externalId: staff.externalId });
			} else if (guideByRef.has(row.guide)) guideOf.set(row.externalId, { userId: guideByRef.get(row.guide)! });
			else errors.push({ row: row.row, column: 'guide', reason: 'unknown_guide', detail: row.guide });
		}
		if (row.type === 'parent') {
			const youth = inFile.get(row.youth);
			const known = existing.get(row.youth) ?? youthByExternalId(row.youth);
			if (youth ? youth.type !== 'youth' : !known || known.role !== 'youth')
				errors.push({ row: row.row, column: 'youth', reason: 'unknown_youth', detail: row.youth });
		}
	}
	return guideOf;
}

function youthByExternalId(externalId: string): User | undefined {
	return db()
		.select()
		.from(users)
		.where(and(eq(users.externalId, externalId), eq(users.role, 'youth')))
		.get();
}

/** What each row would do: create, change (which fields), or nothing. */
function planRows(rows: ImportRow[], existing: Map<string, User>, guideOf: Prepared['guideOf']): PlannedRow[] {
	const accounts = [...existing.values()];
	const youthIds = accounts.filter((u) => u.role === 'youth').map((u) => u.id);
	const facts = new Map(
		inSlices(youthIds, (slice) =>
			db().select({ youthId: caseloadIndex.youthId, status: caseloadIndex.status }).from(caseloadIndex).where(inArray(caseloadIndex.youthId, slice)).all()
		).map((f) => [f.youthId, f])
	);
	const guides = currentGuideIds(youthIds);
	const goals = new Map(
		inSlices(youthIds, (slice) =>
			db().select({ youthId: plans.youthId, goalType: plans.goalType, goalText: plans.goalText }).from(plans).where(inArray(plans.youthId, slice)).all()
		).map((p) => [p.youthId, p])
	);
	const staffIds = accounts.filter((u) => u.role !== 'youth' && u.role !== 'parent').map((u) => u.id);
	const profiles = new Map(
		inSlices(staffIds, (slice) => db().select().from(guideProfiles).where(inArray(guideProfiles.userId, slice)).all()).map((p) => [p.userId, p])
	);
	const parentIds = accounts.filter((u) => u.role === 'parent').map((u) => u.id);
	const links = new Set(
		inSlices(parentIds, (slice) =>
			db().select({ parentId: parentLinks.parentId, youthId: parentLinks.youthId, custody: parentLinks.custody }).from(parentLinks).where(inArray(parentLinks.parentId, slice)).all()
		).map((l) => `${l.parentId}/${l.youthId}/${l.custody}`)
	);
	const seenParents = new Set<string>();

	return rows.map((row): PlannedRow => {
		const base = { row: row.row, type: row.type, externalId: row.externalId, name: row.name };
		const account = existing.get(row.externalId);
		if (!account) {
			// A parent on several rows is created once; the other rows link.
			const created = row.type === 'parent' && seenParents.has(row.externalId);
			seenParents.add(row.externalId);
			return { ...base, action: created ? 'change' : 'create', changes: created ? ['youth'] : [] };
		}
		const changes: string[] = [];
		if (account.displayName !== row.name) changes.push('name');
		if (row.type === 'youth') changes.push(...youthChanges(row, account, guideOf, guides, facts.get(account.id)?.status, goals.get(account.id)));
		if (row.type === 'staff') changes.push(...staffChanges(row as StaffRow, account, profiles.get(account.id)));
		if (row.type === 'parent') {
			const youth = existing.get(row.youth) ?? youthByExternalId(row.youth);
			if (!youth || !links.has(`${account.id}/${youth.id}/${row.custody}`)) changes.push('youth');
		}
		return { ...base, action: changes.length ? 'change' : 'unchanged', changes };
	});
}

function youthChanges(
	row: YouthRow,
	account: User,
	guideOf: Prepared['guideOf'],
	guides: Map<string, string>,
	status: string | undefined,
	goal: { goalType: string; goalText: string } | undefined
): string[] {
	const changes: string[] = [];
	if (account.birthDate !== row.birthDate) changes.push('birth_date');
	const guide = guideOf.get(row.externalId);
	if (guide && (!('userId' in guide) || guides.get(account.id) !== guide.userId)) changes.push('guide');
	if (row.status && row.status !== (status ?? 'unknown')) changes.push('status');
	if (row.goal && (!goal || goal.goalType !== row.goal.goalType || goal.goalText !== row.goal.goalText)) changes.push('plan_goal');
	return changes;
}

function staffChanges(row: StaffRow, account: User, profile: typeof guideProfiles.$inferSelect | undefined): string[] {
	const changes: string[] = [];
	if ((account.department ?? null) !== row.department) changes.push('department');
	if ((profile?.title ?? '') !== row.title) changes.push('title');
	if ((profile?.workplace ?? '') !== row.workplace) changes.push('workplace');
	if ((profile?.languages ?? []).join(',') !== row.languages.join(',')) changes.push('languages');
	if ((profile?.capacity ?? 0) !== row.capacity) changes.push('capacity');
	return changes;
}

export type { ParentRow };
