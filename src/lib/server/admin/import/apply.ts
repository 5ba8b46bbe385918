/**
 * Writing an import: only when the whole file is valid, in one transaction, checked again inside
 * it (the database may have changed since the dry run). Staff first, then young people (their
 * guide, status and plan goal), then parents and their links. Each person created gets a
 * sign-in code (listed once, for the coordinator to hand out) and an audit row; a person the file
 * changes gets an audit row with before and after. A row that is the same already changes
 * nothing, so importing the same file twice changes nothing.
 */
import { eq } from 'drizzle-orm';
import { db, type Tx } from '../../db';
import { guideProfiles, users, type Department, type Role } from '../../db/schema';
import { createSignInCode } from '../../auth';
import { importAssignment } from '../../guides';
import { importGoal } from '../../plan';
import { importStatus } from '../../followup';
import { importParentLink } from '../../people';
import { newId } from '../../ids';
import { audit, differences } from '../audit';
import { checkText, type ImportCheck, type Prepared, type RowAction } from './check';
import type { ImportRow, ParentRow, StaffRow, YouthRow } from './rows';

export interface SignInCodeRow {
	type: ImportRow['type'];
	externalId: string;
	name: string;
	code: string;
	expiresAt: Date;
}

export type ApplyResult = { ok: true; counts: Record<RowAction, number>; codes: SignInCodeRow[] } | { ok: false; check: ImportCheck };

/** An account the import makes has no username until the person chooses one with their code. */
const placeholder = (id: string) => `~${id}`;

export function applyText(actorId: string | null, text: string, now = new Date()): ApplyResult {
	return db().transaction((tx): ApplyResult => {
		const { check, prepared } = checkText(text, now);
		if (!prepared) return { ok: false, check };
		const codes: SignInCodeRow[] = [];
		const ids = new Map<string, string>([...prepared.existing].map(([externalId, user]) => [externalId, user.id]));
		const planOf = new Map(prepared.plan.map((p) => [p.row, p]));
		const write = { tx, actorId, now, codes, ids };
		const ordered = [...prepared.rows].sort((a, b) => ORDER[a.type] - ORDER[b.type]);
		for (const row of ordered) {
			if (planOf.get(row.row)?.action === 'unchanged') continue;
			if (row.type === 'staff') writeStaff(write, row, prepared);
			else if (row.type === 'youth') writeYouth(write, row, prepared);
			else writeParent(write, row, prepared);
		}
		return { ok: true, counts: check.counts, codes };
	});
}

const ORDER: Record<ImportRow['type'], number> = { staff: 0, youth: 1, parent: 2 };

interface Write {
	tx: Tx;
	actorId: string | null;
	now: Date;
	codes: SignInCodeRow[];
	/** External id → user id, for the accounts that exist and those made so far. */
	ids: Map<string, string>;
}

/** Makes the account (with its sign-in code and audit row), or changes its name and fields. */
function account(
	w: Write,
	row: ImportRow,
	prepared: Prepared,
	fields: { role: Role; department: Department | null; birthDate: string | null },
	audited: Record<string, string | number | null>
): string {
	const existing = prepared.existing.get(row.externalId);
	const made = w.ids.get(row.externalId);
	if (!existing && made) return made; // a parent on a later row
	if (!existing) {
		const id = newId();
		w.tx
			.insert(users)
			.values({
				id,
				username: placeholder(id),
				displayName: row.name,
				role: fields.role,
				department: fields.department,
				birthDate: fields.birthDate,
				externalId: row.externalId,
				createdAt: w.now
			})
			.run();
		w.ids.set(row.externalId, id);
		audit(w.tx, { userId: id, actorId: w.actorId, action: 'created', changes: differences({}, { externalId: row.externalId, ...audited }), now: w.now });
		const signIn = createSignInCode(id, w.actorId, w.now, w.tx);
		w.codes.push({ type: row.type, externalId: row.externalId, name: row.name, ...signIn });
		return id;
	}
	const before = { displayName: existing.displayName, department: existing.department, birthDate: existing.birthDate };
	const after = { displayName: row.name, department: fields.department, birthDate: fields.birthDate };
	const changes = differences(before, after);
	if (Object.keys(changes).length) {
		w.tx.update(users).set(after).where(eq(users.id, existing.id)).run();
		audit(w.tx, { userId: existing.id, actorId: w.actorId, action: 'changed', changes, now: w.now });
	}
	return existing.id;
}

function writeStaff(w: Write, row: StaffRow, prepared: Prepared) {
	const profile = { title: row.title, workplace: row.workplace || null, languages: row.languages, capacity: row.capacity };
	const audited = { displayName: row.name, role: row.role, department: row.department, capacity: row.capacity };
	const id = account(w, row, prepared, { role: row.role, department: row.department, birthDate: null }, audited);
	const current = w.tx.select().from(guideProfiles).where(eq(guideProfiles.userId, id)).get();
	if (!current) {
		w.tx
			.insert(guideProfiles)
			.values({ userId: id, ...profile, listed: row.role === 'guide' })
			.run();
		return;
	}
	const before = { title: current.title, workplace: current.workplace, languages: current.languages.join(', '), capacity: current.capacity };
	const changes = differences(before, { ...profile, languages: row.languages.join(', ') });
	if (!Object.keys(changes).length) return;
	w.tx.update(guideProfiles).set(profile).where(eq(guideProfiles.userId, id)).run();
	audit(w.tx, { userId: id, actorId: w.actorId, action: 'changed', changes, now: w.now });
}

function writeYouth(w: Write, row: YouthRow, prepared: Prepared) {
	const id = account(w, row, prepared, { role: 'youth', department: null, birthDate: row.birthDate }, { displayName: row.name, birthDate: row.birthDate });
	const guide = prepared.guideOf.get(row.externalId);
	const guideId = guide ? ('userId' in guide ? guide.userId : w.ids.get(guide.externalId)) : undefined;
	if (guideId) importAssignment(w.tx, id, guideId, w.actorId, w.now);
	if (row.status) importStatus(w.tx, id, row.status, w.actorId, w.now);
	if (row.goal) importGoal(w.tx, id, row.goal, w.actorId, w.now);
}

function writeParent(w: Write, row: ParentRow, prepared: Prepared) {
	const id = account(w, row, prepared, { role: 'parent', department: null, birthDate: null }, { displayName: row.name });
	const youthId =
		w.ids.get(row.youth) ??
		w.tx
			.select({ id: users.id })
			.from(users)
			.where(eq(users.externalId, row.youth))
			.get()?.id;
	if (youthId) importParentLink(w.tx, { parentId: id, youthId, custody: row.custody }, w.actorId, w.now);
}
