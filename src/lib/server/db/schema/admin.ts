/** The schema: administration (accounts' audit trail, caseload imports). */
import { index, integer, sqliteTable, text, check } from 'drizzle-orm/sqlite-core';
import { AUDIT_ACTIONS } from '../../../shared/domain';
import { createdAt, oneOf } from './common';
import { users } from './people';

/** One field's value before and after a change (null: none). */
export interface AuditChange {
	before: string | number | boolean | null;
	after: string | number | boolean | null;
}

/**
 * Every change to an account by the coordinator or an import: who, what, when, before and after.
 * Append-only (triggers in the migration refuse UPDATE and DELETE).
 */
export const accountAudit = sqliteTable(
	'account_audit',
	{
		id: text('id').primaryKey(),
		/** Whose account changed. */
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'restrict' }),
		/** Who changed it; null: the command-line import. */
		actorId: text('actor_id').references(() => users.id, { onDelete: 'restrict' }),
		action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
		/** Field name → before and after. */
		changes: text('changes', { mode: 'json' }).$type<Record<string, AuditChange>>().notNull().default({}),
		createdAt: createdAt()
	},
	(t) => [index('account_audit_user_idx').on(t.userId, t.createdAt), check('account_audit_action_check', oneOf(t.action, AUDIT_ACTIONS))]
);

/**
 * A caseload file uploaded for import: checked first (a dry run), written only when the whole file
 * is valid. The file's text is kept only until it is imported (or for a day when it is not).
 */
export const importBatches = sqliteTable(
	'import_batches',
	{
		id: text('id').primaryKey(),
		/** Null: the command-line import. */
		createdBy: text('created_by').references(() => users.id),
		fileName: text('file_name').notNull(),
		/** The file as text (UTF-8, without BOM); emptied once imported. */
		content: text('content'),
		rows: integer('rows').notNull(),
		createdAt: createdAt(),
		appliedAt: integer('applied_at', { mode: 'timestamp_ms' }),
		/** What the import did: counts of created, changed and unchanged rows. */
		result: text('result', { mode: 'json' }).$type<Record<string, number>>()
	},
	(t) => [index('import_batches_created_idx').on(t.createdAt)]
);

export type AccountAuditEntry = typeof accountAudit.$inferSelect;
export type ImportBatch = typeof importBatches.$inferSelect;
