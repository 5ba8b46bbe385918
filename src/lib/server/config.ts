/**
 * Configuration from the environment, read in one place. Documented in README.md.
 * Uses process.env so that the same modules run under SvelteKit, Vitest and scripts.
 */
import { resolve } from 'node:path';

function env(name: string): string | undefined {
	const value = process.env[name];
	return value === undefined || value === '' ? undefined : value;
}

export const config = {
	get databasePath() {
		return env('DATABASE_PATH') ?? './data/minvej.db';
	},
	/** Where message attachments are kept (attachments/files.ts), outside the database. */
	get filesDir() {
		return resolve(env('DATA_DIR') ?? './data/files');
	},
	get migrationsFolder() {
		// adapter-node does not copy drizzle/ next to build/: resolve it from the project root.
		return resolve(env('MIGRATIONS_PATH') ?? './drizzle');
	},
	get demoSeed() {
		return env('DEMO_SEED') !== 'false';
	},
	/** Web Push: a configured VAPID key pair (base64url), else one is made and stored on first start. */
	get vapidPublicKey() {
		return env('VAPID_PUBLIC_KEY');
	},
	get vapidPrivateKey() {
		return env('VAPID_PRIVATE_KEY');
	},
	/** Web Push: who runs the server (mailto: or https:), told to the push services. */
	get vapidSubject() {
		return env('VAPID_SUBJECT');
	},
	/**
	 * Web Push: host names of push services beyond the browsers' own (comma-separated), e.g. a
	 * municipality's own push relay. The browsers' services are always allowed.
	 */
	get pushServiceHosts(): string[] {
		return (env('PUSH_SERVICE_HOSTS') ?? '')
			.split(',')
			.map((h) => h.trim().toLowerCase())
			.filter(Boolean);
	},
	/** Scheduled backups (backup/schedule.ts): the folder, how often (30m, 6h, 1d) and how many to keep. */
	get backupDir() {
		return env('BACKUP_DIR');
	},
	get backupEvery() {
		return env('BACKUP_EVERY');
	},
	get backupKeep() {
		return env('BACKUP_KEEP');
	},
	/** Count each request's SQL statements into its Server-Timing header (db/request-scope.ts); `log` prints each statement's SQL too. */
	get countStatements() {
		return env('COUNT_STATEMENTS') === 'true' || env('COUNT_STATEMENTS') === 'log';
	},
	/**
	 * Sign-in over OpenID Connect (issue 19): UNI-Login for young people and parents (`citizen`),
	 * the municipality's Entra ID or AD FS for staff (`staff`). Null unless issuer, client id and
	 * secret are all set. `matchClaim` (staff): the ID token claim matched to a staff account's
	 * external login.
	 */
	oidc(audience: 'citizen' | 'staff') {
		const prefix = `OIDC_${audience.toUpperCase()}_`;
		const issuer = env(`${prefix}ISSUER`);
		const clientId = env(`${prefix}CLIENT_ID`);
		const clientSecret = env(`${prefix}CLIENT_SECRET`);
		if (!issuer || !clientId || !clientSecret) return null;
		return {
			issuer,
			clientId,
			clientSecret,
			name: env(`${prefix}NAME`) ?? (audience === 'citizen' ? 'UNI-Login' : 'Microsoft'),
			matchClaim: env(`${prefix}MATCH_CLAIM`) ?? 'email',
			/** What to ask for; the staff match needs its claim (e.g. `email`) in the ID token. */
			scope: env(`${prefix}SCOPE`) ?? (audience === 'citizen' ? 'openid' : 'openid email profile')
		};
	},
	/**
	 * Sign-in over SAML 2.0 (issue 19): MitID through NemLog-in (OIOSAML 3) for young people and
	 * parents (`citizen`), KOMBIT's Context Handler for staff (`staff`). Null unless the IdP's
	 * metadata (file path or URL) and the SP key and certificate (PEM, or a path to a PEM file) are
	 * all set. `matchAttribute` (staff): the attribute matched to a staff account's external login.
	 */
	saml(audience: 'citizen' | 'staff') {
		const prefix = `SAML_${audience.toUpperCase()}_`;
		const idpMetadata = env(`${prefix}IDP_METADATA`);
		const spKey = env(`${prefix}SP_KEY`);
		const spCert = env(`${prefix}SP_CERT`);
		if (!idpMetadata || !spKey || !spCert) return null;
		return {
			idpMetadata,
			spKey,
			spCert,
			name: env(`${prefix}NAME`) ?? (audience === 'citizen' ? 'MitID' : 'Medarbejderlogin'),
			matchAttribute: env(`${prefix}MATCH_ATTRIBUTE`) ?? 'https://data.gov.dk/model/core/eid/email'
		};
	},
	get production() {
		return process.env.NODE_ENV === 'production';
	}
};
