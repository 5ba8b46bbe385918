/** The schema: people and accounts. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DEPARTMENTS, ROLES } from '../../../shared/domain';
import { oneOf, createdAt } from './common';

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		username: text('username').notNull(),
		displayName: text('display_name').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		/** Caseworkers belong to exactly one department; others have none. */
		department: text('department', { enum: DEPARTMENTS }),
		/** Young people only: the birth date decides age and the self-consent age. */
		birthDate: text('birth_date'),
		/** Null until the person has chosen a password through an invite. */
		passwordHash: text('password_hash'),
		phone: text('phone'),
		email: text('email'),
		/** The language the person chose (issue 16); null until they choose. Push notices use it. */
		locale: text('locale'),
		createdAt: createdAt(),
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
		/**
		 * The person's login at the municipality's identity provider (OIDC), matched at sign-in; set by
		 * the coordinator on a staff account (the sign-in issue uses it).
		 */
		externalLogin: text('external_login'),
		/** The row's stable id in an imported file (the earlier system's): importing it again finds this person. */
		externalId: text('external_id')
	},
	(t) => [
		uniqueIndex('users_username_unique').on(t.username),
		uniqueIndex('users_external_login_unique').on(t.externalLogin),
		uniqueIndex('users_external_id_unique').on(t.externalId),
		/** The guides among 130,000 people (the coordinator's guide filter, the directory). */
		index('users_role_idx').on(t.role, t.disabledAt),
		check('users_role_check', oneOf(t.role, ROLES)),
		check(
			'users_department_check',
			sql`(${t.role} = 'caseworker' and ${t.department} is not null) or (${t.role} <> 'caseworker' and ${t.department} is null)`
		),
		check('users_department_value_check', sql`${t.department} is null or ${oneOf(t.department, DEPARTMENTS)}`),
		check('users_birth_date_check', sql`${t.birthDate} is null or ${t.birthDate} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`),
		check('users_youth_birth_date_check', sql`${t.role} <> 'youth' or ${t.birthDate} is not null`)
	]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		/** SHA-256 of the session secret; the secret itself is only in the user's cookie. */
		secretHash: text('secret_hash').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }).notNull(),
		/** What the person sees in "signed in on these devices" (browser and system, from User-Agent). */
		device: text('device'),
		/**
		 * Set when the session was made by an outside provider (issue 19): its key (e.g. `oidc-citizen`)
		 * and what its logout needs (OIDC: the id_token as hint; SAML: NameID and SessionIndex as JSON).
		 */
		signInProvider: text('sign_in_provider'),
		logoutHint: text('logout_hint')
	},
	(t) => [index('sessions_user_idx').on(t.userId), index('sessions_last_used_idx').on(t.lastUsedAt)]
);

/**
 * Devices on which a person has signed in before (a random token in a long-lived httpOnly cookie;
 * only its SHA-256 is stored). Login throttling lets a known device through while strangers'
 * failures hold an account back, so nobody can lock a person out by guessing at their username.
 */
export const knownDevices = sqliteTable(
	'known_devices',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		createdAt: createdAt(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('known_devices_token_user_unique').on(t.tokenHash, t.userId), index('known_devices_user_idx').on(t.userId)]
);

/**
 * An invite lets a new youth, parent or guide choose a username and password. Staff make it;
 * the account is created when the invite is accepted (single use, expires).
 */
export const invites = sqliteTable(
	'invites',
	{
		id: text('id').primaryKey(),
		/** SHA-256 of the invite code; the code itself is shown once to the staff member. */
		codeHash: text('code_hash').notNull(),
		role: text('role', { enum: ['youth', 'parent', 'guide'] }).notNull(),
		displayName: text('display_name').notNull(),
		/** youth: birth date. */
		birthDate: text('birth_date'),
		/** parent: the young person to link to, and whether the parent holds custody. */
		linkYouthId: text('link_youth_id').references(() => users.id, {
			onDelete: 'cascade'
		}),
		custody: integer('custody', { mode: 'boolean' }).notNull().default(false),
		/** guide (a person a young person proposed): their role and workplace. */
		title: text('title'),
		workplace: text('workplace'),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		acceptedUserId: text('accepted_user_id').references(() => users.id)
	},
	(t) => [
		uniqueIndex('invites_code_hash_unique').on(t.codeHash),
		check('invites_role_check', oneOf(t.role, ['youth', 'parent', 'guide'])),
		check('invites_youth_check', sql`${t.role} <> 'youth' or ${t.birthDate} is not null`),
		check('invites_parent_check', sql`${t.role} <> 'parent' or ${t.linkYouthId} is not null`)
	]
);

/**
 * A sign-in code for an account that already exists (made by the coordinator or an import): the
 * person chooses a username and password with it at /invite/<code>. Single use, expires; only the
 * SHA-256 of the code is stored.
 */
export const signInCodes = sqliteTable(
	'sign_in_codes',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		/** Null: made by the command-line import. */
		createdBy: text('created_by').references(() => users.id),
		createdAt: createdAt(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [uniqueIndex('sign_in_codes_code_hash_unique').on(t.codeHash), index('sign_in_codes_user_idx').on(t.userId)]
);

export const parentLinks = sqliteTable(
	'parent_links',
	{
		id: text('id').primaryKey(),
		parentId: text('parent_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		youthId: text('youth_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Holds custody (forældremyndighed): may co-sign consents under the self-consent age. */
		custody: integer('custody', { mode: 'boolean' }).notNull().default(false),
		relation: text('relation'),
		createdBy: text('created_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('parent_links_pair_unique').on(t.parentId, t.youthId),
		index('parent_links_youth_idx').on(t.youthId),
		check('parent_links_not_self', sql`${t.parentId} <> ${t.youthId}`)
	]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type SignInCode = typeof signInCodes.$inferSelect;
export type ParentLink = typeof parentLinks.$inferSelect;
