/** The schema: transparency, notifications and settings. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DEPARTMENTS, ROLES } from '../../../shared/domain';
import { createdAt, oneOf } from './common';
import { users } from './people';

/** Every read of a young person's data by someone else. Append-only. */
export const accessLog = sqliteTable(
	'access_log',
	{
		id: text('id').primaryKey(),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		actorId: text('actor_id')
			.notNull()
			.references(() => users.id),
		actorRole: text('actor_role', { enum: ROLES }).notNull(),
		actorDepartment: text('actor_department', { enum: DEPARTMENTS }),
		/** What was read: one of ACCESS_KINDS (shared/privacy.ts), such as "plan". */
		resource: text('resource').notNull(),
		/** Why: one of ACCESS_PURPOSES (shared/privacy.ts); 'unspecified' for reads before it was recorded. */
		purpose: text('purpose').notNull().default('unspecified'),
		createdAt: createdAt()
	},
	(t) => [index('access_log_youth_idx').on(t.youthId, t.createdAt), index('access_log_created_idx').on(t.createdAt)]
);

/** The languages a push notification can be written in (the subscriber's language when subscribing). */
export const PUSH_LOCALES = ['da', 'en'] as const;

/** One browser on one device that gets Web Push for a user. A device belongs to one user at a time. */
export const pushSubscriptions = sqliteTable(
	'push_subscriptions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		locale: text('locale', { enum: PUSH_LOCALES }).notNull().default('da'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('push_subscriptions_endpoint_unique').on(t.endpoint),
		index('push_subscriptions_user_idx').on(t.userId),
		check('push_subscriptions_locale_check', oneOf(t.locale, PUSH_LOCALES))
	]
);

/**
 * The server's VAPID key pair for Web Push (base64url): one row, id = 1, made on the first start
 * unless VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY are configured. Browsers bind their subscriptions to
 * the public key, so it must stay the same across restarts.
 */
export const vapidKeys = sqliteTable(
	'vapid_keys',
	{
		id: integer('id').primaryKey(),
		publicKey: text('public_key').notNull(),
		privateKey: text('private_key').notNull(),
		createdAt: createdAt()
	},
	(t) => [check('vapid_keys_single_row', sql`${t.id} = 1`)]
);

/** The municipality's settings: exactly one row, id = 1. */
export const settings = sqliteTable(
	'settings',
	{
		id: integer('id').primaryKey(),
		municipalityName: text('municipality_name').notNull(),
		unitName: text('unit_name').notNull(),
		unitPhone: text('unit_phone').notNull(),
		unitAddress: text('unit_address').notNull(),
		unitEmail: text('unit_email'),
		openingHours: text('opening_hours').notNull().default(''),
		selfConsentAge: integer('self_consent_age').notNull().default(15),
		/** ISO weekday of the weekly visitation meeting: 1 = Monday … 7 = Sunday. */
		visitationWeekday: integer('visitation_weekday').notNull().default(3),
		accessLogRetentionDays: integer('access_log_retention_days').notNull().default(183),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		check('settings_single_row', sql`${t.id} = 1`),
		check('settings_self_consent_age_check', sql`${t.selfConsentAge} between 13 and 18`),
		check('settings_visitation_weekday_check', sql`${t.visitationWeekday} between 1 and 7`),
		check('settings_retention_check', sql`${t.accessLogRetentionDays} between 30 and 3650`)
	]
);

export type AccessLogEntry = typeof accessLog.$inferSelect;
export type PushSubscription = typeof pushSubscriptions.$inferSelect;
export type Settings = typeof settings.$inferSelect;
export type VapidKeys = typeof vapidKeys.$inferSelect;
