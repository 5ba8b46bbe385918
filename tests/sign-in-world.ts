import { createHash, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import type { AppServer } from './access/server';

/**
 * What the sign-in stories (tests/sign-in-oidc.spec.ts, tests/sign-in-saml.spec.ts) do beside the
 * browser, on the app's own database: count what a refused answer must not leave behind, make an
 * invite as staff make one, and set up staff accounts. `app` is asked on each call, as the server
 * starts in the spec's beforeAll.
 */
export function signInWorld(app: () => AppServer) {
	const at = (path: string) => `${app().origin}${path}`;

	/** The app's database, opened for one check (close it when done). */
	const database = () => new Database(app().databasePath);

	function withDatabase<T>(work: (db: Database.Database) => T): T {
		const db = database();
		try {
			return work(db);
		} finally {
			db.close();
		}
	}

	/** What a refused answer must leave behind: no session, no link, no pending link. */
	const counts = () =>
		withDatabase((db) => {
			const n = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
			return { sessions: n('sessions'), links: n('linked_sign_ins'), pending: n('pending_links') };
		});

	/** An invite for a new young person, made as staff make one (only the code's SHA-256 is kept). */
	function inviteYouth(name: string): string {
		const code = randomUUID().replaceAll('-', '').slice(0, 16);
		withDatabase((db) => {
			const mette = db.prepare(`select id from users where username = 'mette'`).get() as { id: string };
			const now = Date.now();
			db.prepare(
				`insert into invites (id, code_hash, role, display_name, birth_date, custody, created_by, created_at, expires_at)
				 values (?, ?, 'youth', ?, '2010-04-01', 0, ?, ?, ?)`
			).run(randomUUID(), createHash('sha256').update(code).digest('hex'), name, mette.id, now, now + 86_400_000);
		});
		return code;
	}

	function setStaff(username: string, values: { externalLogin?: string; disabled?: boolean }) {
		withDatabase((db) => {
			if (values.externalLogin !== undefined)
				db.prepare(`update users set external_login = ? where username = ?`).run(values.externalLogin, username);
			if (values.disabled) db.prepare(`update users set disabled_at = ? where username = ?`).run(Date.now(), username);
		});
	}

	async function signInWith(page: Page, button: RegExp) {
		await page.goto(at('/login'));
		await page.getByRole('button', { name: button }).click();
	}

	const refusedPage = (page: Page) => page.getByRole('heading', { name: 'Du blev ikke logget ind' });

	return { at, database, counts, inviteYouth, setStaff, signInWith, refusedPage };
}
