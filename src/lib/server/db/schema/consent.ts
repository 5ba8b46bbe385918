/** The schema: consent. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { CONSENT_ACTIONS, DEPARTMENTS, type DataKind } from '../../../shared/domain';
import { oneOf, createdAt } from './common';
import { users } from './people';

/**
 * One immutable record per change. The current state of a consent is derived from these
 * records (see consent.ts); nothing is ever updated or deleted.
 */
export const consentRecords = sqliteTable(
	'consent_records',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'restrict' }),
		action: text('action', { enum: CONSENT_ACTIONS }).notNull(),
		recipientKind: text('recipient_kind', {
			enum: ['department', 'parent']
		}).notNull(),
		department: text('department', { enum: DEPARTMENTS }),
		parentId: text('parent_id').references(() => users.id, {
			onDelete: 'restrict'
		}),
		/** JSON array of data kinds covered, e.g. ["plan","meetings"]. */
		dataKinds: text('data_kinds', { mode: 'json' }).$type<DataKind[]>().notNull(),
		purpose: text('purpose').notNull(),
		/** The exact wording shown when the change was made, and its version. */
		wordingVersion: text('wording_version').notNull(),
		wordingText: text('wording_text').notNull(),
		/** Who performed the change: the young person, or a custody holder. */
		actorId: text('actor_id')
			.notNull()
			.references(() => users.id, { onDelete: 'restrict' }),
		/** For a co-signature: the give record it co-signs. */
		cosignOf: text('cosign_of').references((): AnySQLiteColumn => consentRecords.id),
		createdAt: createdAt()
	},
	(t) => [
		index('consent_records_youth_idx').on(t.youthId, t.createdAt),
		// Who has ever given a department consent: a caseworker's list starts from these young people.
		index('consent_records_department_idx').on(t.department, t.youthId),
		check('consent_records_action_check', oneOf(t.action, CONSENT_ACTIONS)),
		check(
			'consent_records_recipient_check',
			sql`(${t.recipientKind} = 'department' and ${t.department} is not null and ${t.parentId} is null) or (${t.recipientKind} = 'parent' and ${t.parentId} is not null and ${t.department} is null)`
		),
		check('consent_records_cosign_check', sql`${t.action} <> 'cosign' or ${t.cosignOf} is not null`)
	]
);

/** A guide asking the young person for a consent; answered on /consent. */
export const consentRequests = sqliteTable(
	'consent_requests',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		recipientKind: text('recipient_kind', {
			enum: ['department', 'parent']
		}).notNull(),
		department: text('department', { enum: DEPARTMENTS }),
		parentId: text('parent_id').references(() => users.id),
		message: text('message').notNull().default(''),
		requestedBy: text('requested_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		answer: text('answer', { enum: ['given', 'declined'] })
	},
	(t) => [index('consent_requests_youth_idx').on(t.youthId, t.answeredAt)]
);

export type ConsentRecord = typeof consentRecords.$inferSelect;
export type ConsentRequest = typeof consentRequests.$inferSelect;
