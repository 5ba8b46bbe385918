/**
 * The account audit: every change to an account by the coordinator or an import is one row (who,
 * what, when, before and after), shown on the person's page. Append-only (the migration's
 * triggers refuse UPDATE and DELETE).
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { accountAudit, users, type AuditAction, type AuditChange } from '../db/schema';
import { newId } from '../ids';
import type { AuditValue, AuditView } from '../../shared/admin';

export type { AuditValue, AuditView };

/** Only the fields whose value differs, as before → after. */
export function differences(before: Record<string, AuditValue>, after: Record<string, AuditValue>): Record<string, AuditChange> {
	const changes: Record<string, AuditChange> = {};
	for (const [name, value] of Object.entries(after)) {
		const old = before[name] ?? null;
		if (JSON.stringify(old) !== JSON.stringify(value ?? null)) changes[name] = { before: old, after: value ?? null };
	}
	return changes;
}

/** Writes one audit row in the caller's transaction. */
export function audit(tx: Tx, entry: { userId: string; actorId: string | null; action: AuditAction; changes?: Record<string, AuditChange>; now: Date }) {
	tx.insert(accountAudit)
		.values({ id: newId(), userId: entry.userId, actorId: entry.actorId, action: entry.action, changes: entry.changes ?? {}, createdAt: entry.now })
		.run();
}

/** An account's audit rows, newest first (the caller has checked access). */
export function auditOf(userId: string): AuditView[] {
	const rows = db()
		.select()
		.from(accountAudit)
		.where(eq(accountAudit.userId, userId))
		.orderBy(desc(accountAudit.createdAt), desc(sql`rowid`))
		.all();
	const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
	const names = new Map(
		actorIds.length
			? db()
					.select({ id: users.id, displayName: users.displayName })
					.from(users)
					.where(inArray(users.id, actorIds))
					.all()
					.map((u) => [u.id, u.displayName])
			: []
	);
	return rows.map((r) => ({
		id: r.id,
		action: r.action,
		actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
		changes: Object.entries(r.changes).map(([field, change]) => ({ field, before: change.before, after: change.after })),
		createdAt: r.createdAt
	}));
}
