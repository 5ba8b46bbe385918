/**
 * The schema: signing in with an outside identity provider (MitID through NemLog-in over SAML,
 * UNI-Login and the staff IdP over OpenID Connect) and with passkeys (issue 19).
 */
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, oneOf } from './common';
import { users } from './people';

export const SIGN_IN_PROTOCOLS = ['saml', 'oidc'] as const;
export type SignInProtocol = (typeof SIGN_IN_PROTOCOLS)[number];
export const SIGN_IN_AUDIENCES = ['citizen', 'staff'] as const;
export type SignInAudience = (typeof SIGN_IN_AUDIENCES)[number];
export const SIGN_IN_REQUEST_KINDS = ['saml', 'oidc', 'passkey-register', 'passkey-sign-in'] as const;
export type SignInRequestKind = (typeof SIGN_IN_REQUEST_KINDS)[number];

/**
 * An identity at a provider linked to a Minvej account: later sign-ins with it go straight in.
 * `subject` is the provider's stable identifier of the person (OIDC: `sub`; OIOSAML 3: the
 * person's UUID/pseudonym attribute, never a CPR number). A person sees and removes their links.
 */
export const linkedSignIns = sqliteTable(
	'linked_sign_ins',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		protocol: text('protocol', { enum: SIGN_IN_PROTOCOLS }).notNull(),
		audience: text('audience', { enum: SIGN_IN_AUDIENCES }).notNull(),
		/** The provider's issuer (OIDC) or entity id (SAML): a subject is only unique within it. */
		issuer: text('issuer').notNull(),
		subject: text('subject').notNull(),
		/** What the person sees in the list (the provider's button text, e.g. "MitID"). */
		label: text('label').notNull(),
		createdAt: createdAt(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('linked_sign_ins_subject_unique').on(t.issuer, t.subject),
		index('linked_sign_ins_user_idx').on(t.userId),
		check('linked_sign_ins_protocol_check', oneOf(t.protocol, SIGN_IN_PROTOCOLS)),
		check('linked_sign_ins_audience_check', oneOf(t.audience, SIGN_IN_AUDIENCES))
	]
);

/**
 * A sign-in under way: the OIDC `state` (with its PKCE verifier and nonce), the SAML AuthnRequest
 * id (checked against `InResponseTo`), or a passkey challenge. Single use (`used_at`), short-lived.
 */
export const signInRequests = sqliteTable(
	'sign_in_requests',
	{
		/** The OIDC state, the SAML request id, or the passkey challenge. */
		id: text('id').primaryKey(),
		kind: text('kind', { enum: SIGN_IN_REQUEST_KINDS }).notNull(),
		audience: text('audience', { enum: SIGN_IN_AUDIENCES }),
		/** Passkey registration: the signed-in person adding one. */
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		codeVerifier: text('code_verifier'),
		nonce: text('nonce'),
		/** Where to go after signing in (a path on this site only). */
		returnTo: text('return_to'),
		createdAt: createdAt(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('sign_in_requests_expires_idx').on(t.expiresAt),
		check('sign_in_requests_kind_check', oneOf(t.kind, SIGN_IN_REQUEST_KINDS)),
		check('sign_in_requests_audience_check', sql`${t.audience} is null or ${oneOf(t.audience, SIGN_IN_AUDIENCES)}`)
	]
);

/**
 * A citizen identity the provider has vouched for but that is not linked yet: held (only the
 * SHA-256 of a random token in a short-lived httpOnly cookie) while the person types their invite
 * or sign-in code once. Nothing about the person is stored beyond the provider's subject.
 */
export const pendingLinks = sqliteTable(
	'pending_links',
	{
		id: text('id').primaryKey(),
		tokenHash: text('token_hash').notNull(),
		protocol: text('protocol', { enum: SIGN_IN_PROTOCOLS }).notNull(),
		issuer: text('issuer').notNull(),
		subject: text('subject').notNull(),
		label: text('label').notNull(),
		/** For single logout at the provider once the session ends (OIDC id_token; SAML NameID and SessionIndex as JSON). */
		logoutHint: text('logout_hint'),
		createdAt: createdAt(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('pending_links_token_unique').on(t.tokenHash),
		index('pending_links_expires_idx').on(t.expiresAt),
		check('pending_links_protocol_check', oneOf(t.protocol, SIGN_IN_PROTOCOLS))
	]
);

/** A passkey (WebAuthn credential) on a person's own phone: "use this phone's screen lock". */
export const passkeys = sqliteTable(
	'passkeys',
	{
		/** The credential id, base64url. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		publicKey: blob('public_key', { mode: 'buffer' }).notNull(),
		/** The authenticator's signature counter, checked to rise on every use (0 when it keeps none). */
		counter: integer('counter').notNull().default(0),
		/** JSON array of the transports the authenticator reported (usb, internal, hybrid …). */
		transports: text('transports'),
		/** What the person sees in the list (browser and system at registration). */
		label: text('label').notNull(),
		createdAt: createdAt(),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('passkeys_user_idx').on(t.userId)]
);

export type LinkedSignIn = typeof linkedSignIns.$inferSelect;
export type SignInRequest = typeof signInRequests.$inferSelect;
export type PendingLink = typeof pendingLinks.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;
