/**
 * Staff accounts, kept by the coordinator (issue 15): create a guide, caseworker (with their
 * department) or coordinator with a sign-in code or the login the municipality's identity
 * provider gives them (OIDC, matched by the sign-in issue); change a person's role, department,
 * capacity and profile; give a new sign-in code. Every change is an audit row. A leaver is in
 * leaver.ts. Nothing is ever deleted.
 */
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { db, type Tx } from '../db';
import { DEPARTMENTS, guideAssignments, guideProfiles, nameKey, STAFF_ROLES, users, type Department } from '../db/schema';
import { authorizeGlobal, type Actor } from '../access';
import { createSignInCode } from '../auth';
import { newId } from '../ids';
import { audit, auditOf, differences, type AuditValue } from './audit';
import type { StaffListItem, StaffPerson, StaffProblem, StaffRole } from '../../shared/admin';

export const MAX_LANGUAGES = 10;
/** An account made here has no username until the person chooses one with their sign-in code. */
const PLACEHOLDER_PREFIX = '~';

const languages = z
	.string()
	.trim()
	.max(300)
	.transform((text) =>
		text
			.split(/[,;/|]/)
			.map((l) => l.trim())
			.filter(Boolean)
	)
	.refine((list) => list.length <= MAX_LANGUAGES && list.every((l) => l.length <= 40));

const profileFields = {
	displayName: z.string().trim().min(2).max(100),
	role: z.enum(STAFF_ROLES),
	department: z.union([z.literal(''), z.enum(DEPARTMENTS)]),
	title: z.string().trim().max(100),
	workplace: z.string().trim().max(150),
	languages,
	capacity: z.coerce.number().int().min(0).max(200),
	externalLogin: z.string().trim().max(200)
};

/** A caseworker belongs to exactly one department; nobody else has one. */
function departmentMatchesRole(v: { role: StaffRole; department: string }, ctx: z.RefinementCtx) {
	if ((v.role === 'caseworker') !== (v.department !== '')) ctx.addIssue({ code: 'custom', path: ['department'], message: 'department' });
}

const changeInput = z.object(profileFields).superRefine(departmentMatchesRole);
const createInput = z
	.object({ ...profileFields, signIn: z.enum(['code', 'oidc']) })
	.superRefine(departmentMatchesRole)
	.superRefine((v, ctx) => {
		if (v.signIn === 'oidc' && v.externalLogin.length < 3)
			ctx.addIssue({ code: 'custom', path: ['externalLogin'], message: 'externalLogin' });
	});

export type StaffField = keyof typeof profileFields | 'signIn';
export type StaffResult<T = object> = ({ ok: true } & T) | { ok: false; errors: StaffField[]; problem?: StaffProblem };

function fieldErrors(error: z.ZodError): StaffField[] {
	return [...new Set(error.issues.map((i) => i.path[0] as StaffField))];
}

/** Staff accounts, active first, by name; searched by name and filtered by role. At most `limit`. */
export function listStaff(actor: Actor, filter: { q?: string; role?: string } = {}, limit = 100) {
	authorizeGlobal(actor, 'staff.manage');
	const words = nameKey(filter.q ?? '')
		.split(/\s+/)
		.filter(Boolean);
	const role = (STAFF_ROLES as readonly string[]).includes(filter.role ?? '') ? (filter.role as StaffRole) : null;
	const all = db()
		.select({ user: users, title: guideProfiles.title })
		.from(users)
		.leftJoin(guideProfiles, eq(guideProfiles.userId, users.id))
		// By role in the (role, disabled_at) index: never a scan of every young person and parent.
		.where(role ? eq(users.role, role) : inArray(users.role, [...STAFF_ROLES]))
		.all()
		.map(({ user, title }) => ({ user, title: title ?? '', key: nameKey(user.displayName) }))
		.filter((s) => words.every((w) => s.key.includes(w)))
		.sort((a, b) => Number(!!a.user.disabledAt) - Number(!!b.user.disabledAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const people: StaffListItem[] = all.slice(0, limit).map(({ user, title }) => ({
		id: user.id,
		displayName: user.displayName,
		role: user.role,
		department: user.department,
		title,
		disabled: !!user.disabledAt,
		signedUp: !!user.passwordHash || !!user.externalLogin
	}));
	return { people, total: all.length };
}

function staffRow(userId: string, tx: Tx | ReturnType<typeof db> = db()) {
	const row = tx
		.select({ user: users, profile: guideProfiles })
		.from(users)
		.leftJoin(guideProfiles, eq(guideProfiles.userId, users.id))
		.where(eq(users.id, userId))
		.get();
	if (!row || !(STAFF_ROLES as readonly string[]).includes(row.user.role)) return null;
	return row;
}

function activeCoordinators(tx: Tx | ReturnType<typeof db> = db()): number {
	return (
		tx
			.select({ n: count() })
			.from(users)
			.where(and(eq(users.role, 'coordinator'), isNull(users.disabledAt)))
			.get()?.n ?? 0
	);
}

function caseloadSize(guideId: string, tx: Tx | ReturnType<typeof db> = db()): number {
	return (
		tx
			.select({ n: count() })
			.from(guideAssignments)
			.where(and(eq(guideAssignments.guideId, guideId), isNull(guideAssignments.endedAt)))
			.get()?.n ?? 0
	);
}

/** One staff account as the coordinator sees it, with its audit; null when it is not a staff account. */
export function staffPerson(actor: Actor, userId: string): StaffPerson | null {
	authorizeGlobal(actor, 'staff.manage');
	const row = staffRow(userId);
	if (!row) return null;
	const { user, profile } = row;
	return {
		id: user.id,
		displayName: user.displayName,
		username: user.username.startsWith(PLACEHOLDER_PREFIX) ? null : user.username,
		role: user.role as StaffRole,
		department: user.department,
		title: profile?.title ?? '',
		workplace: profile?.workplace ?? '',
		languages: profile?.languages ?? [],
		capacity: profile?.capacity ?? 0,
		externalLogin: user.externalLogin ?? '',
		disabledAt: user.disabledAt,
		signedUp: !!user.passwordHash || !!user.externalLogin,
		caseload: caseloadSize(user.id),
		self: user.id === actor.id,
		lastCoordinator: user.role === 'coordinator' && !user.disabledAt && activeCoordinators() <= 1,
		audit: auditOf(user.id)
	};
}

/** What the audit records of a staff account (one value per field). */
function snapshot(v: {
	displayName: string;
	role: string;
	department: string | null;
	title: string;
	workplace: string | null;
	languages: string[];
	capacity: number;
	externalLogin: string | null;
}): Record<string, AuditValue> {
	return {
		displayName: v.displayName,
		role: v.role,
		department: v.department || null,
		title: v.title || null,
		workplace: v.workplace || null,
		languages: v.languages.join(', ') || null,
		capacity: v.capacity,
		externalLogin: v.externalLogin || null
	};
}

function externalLoginTaken(value: string, exceptUserId: string | null, tx: Tx | ReturnType<typeof db> = db()) {
	if (!value) return false;
	const holder = tx.select({ id: users.id }).from(users).where(eq(users.externalLogin, value)).get();
	return !!holder && holder.id !== exceptUserId;
}

/**
 * Creates a staff account. With a sign-in code the person chooses a username and password at
 * /invite/<code> (the code is shown once); with an OIDC match value they sign in through the
 * municipality's identity provider (the sign-in issue).
 */
export function createStaff(
	actor: Actor,
	raw: Record<string, string>,
	now = new Date()
): StaffResult<{ userId: string; code: string | null; expiresAt: Date | null }> {
	authorizeGlobal(actor, 'staff.manage');
	const parsed = createInput.safeParse(raw);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const v = parsed.data;
	const externalLogin = v.signIn === 'oidc' ? v.externalLogin : '';
	return db().transaction((tx) => {
		if (externalLoginTaken(externalLogin, null, tx))
			return { ok: false as const, errors: ['externalLogin' as const], problem: 'external_login_taken' as const };
		const userId = newId();
		tx.insert(users)
			.values({
				id: userId,
				username: `${PLACEHOLDER_PREFIX}${userId}`,
				displayName: v.displayName,
				role: v.role,
				department: v.role === 'caseworker' ? (v.department as Department) : null,
				externalLogin: externalLogin || null,
				createdAt: now
			})
			.run();
		tx.insert(guideProfiles)
			.values({
				userId,
				title: v.title,
				workplace: v.workplace || null,
				languages: v.languages,
				capacity: v.capacity,
				listed: v.role === 'guide'
			})
			.run();
		audit(tx, {
			userId,
			actorId: actor.id,
			action: 'created',
			changes: differences({}, snapshot({ ...v, department: v.department || null, externalLogin })),
			now
		});
		const signIn = v.signIn === 'code' ? createSignInCode(userId, actor.id, now, tx) : null;
		if (signIn) audit(tx, { userId, actorId: actor.id, action: 'code', now });
		return { ok: true as const, userId, code: signIn?.code ?? null, expiresAt: signIn?.expiresAt ?? null };
	});
}

/**
 * Changes a staff account's name, role, department, profile, capacity or OIDC match value; one
 * audit row with every field that changed. Refused: one's own role; the last coordinator's role;
 * a guide's role while they have young people (hand them over first); a disabled account.
 */
export function changeStaff(
	actor: Actor,
	userId: string,
	raw: Record<string, string>,
	now = new Date()
): StaffResult<{ changed: boolean }> | null {
	authorizeGlobal(actor, 'staff.manage');
	const parsed = changeInput.safeParse(raw);
	return db().transaction((tx) => {
		const row = staffRow(userId, tx);
		if (!row) return null;
		if (!parsed.success) return { ok: false as const, errors: fieldErrors(parsed.error) };
		const v = parsed.data;
		const { user, profile } = row;
		const refuse = (problem: StaffProblem, field: StaffField = 'role') => ({ ok: false as const, errors: [field], problem });
		if (user.disabledAt) return refuse('disabled');
		if (v.role !== user.role) {
			if (user.id === actor.id) return refuse('self');
			if (user.role === 'coordinator' && activeCoordinators(tx) <= 1) return refuse('last_coordinator');
			if (user.role === 'guide' && caseloadSize(user.id, tx) > 0) return refuse('has_youth');
		}
		if (externalLoginTaken(v.externalLogin, user.id, tx)) return refuse('external_login_taken', 'externalLogin');
		const before = snapshot({
			displayName: user.displayName,
			role: user.role,
			department: user.department,
			title: profile?.title ?? '',
			workplace: profile?.workplace ?? null,
			languages: profile?.languages ?? [],
			capacity: profile?.capacity ?? 0,
			externalLogin: user.externalLogin
		});
		const changes = differences(before, snapshot({ ...v, department: v.department || null }));
		if (!Object.keys(changes).length) return { ok: true as const, changed: false };
		tx.update(users)
			.set({
				displayName: v.displayName,
				role: v.role,
				department: v.role === 'caseworker' ? (v.department as Department) : null,
				externalLogin: v.externalLogin || null
			})
			.where(eq(users.id, user.id))
			.run();
		const values = { title: v.title, workplace: v.workplace || null, languages: v.languages, capacity: v.capacity };
		// A new guide is listed in the directory; someone who is no longer a guide is not.
		const listed = v.role === user.role ? undefined : v.role === 'guide';
		if (profile)
			tx.update(guideProfiles)
				.set({ ...values, ...(listed === undefined ? {} : { listed }) })
				.where(eq(guideProfiles.userId, user.id))
				.run();
		else
			tx.insert(guideProfiles)
				.values({ userId: user.id, ...values, listed: v.role === 'guide' })
				.run();
		audit(tx, { userId: user.id, actorId: actor.id, action: 'changed', changes, now });
		return { ok: true as const, changed: true };
	});
}

/** A new sign-in code for a staff account (earlier unused ones stop working); shown once. */
export function issueSignInCode(actor: Actor, userId: string, now = new Date()): { code: string; expiresAt: Date } | null {
	authorizeGlobal(actor, 'staff.manage');
	return db().transaction((tx) => {
		const row = staffRow(userId, tx);
		if (!row || row.user.disabledAt) return null;
		const signIn = createSignInCode(userId, actor.id, now, tx);
		audit(tx, { userId, actorId: actor.id, action: 'code', now });
		return signIn;
	});
}

export { activeCoordinators, caseloadSize, staffRow };
