/**
 * The demo state the matrix runs on: the seed, plus a few things done through the app by the
 * people who would do them (so that every dynamic parameter and every probe names something
 * real), and the ids looked up in the database.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect } from '@playwright/test';
import type { Client } from './client';
import { ROLES, type Role } from './matrix';

export const DEMO_PASSWORD = 'minvej-demo';

export interface Demo {
	users: Record<Exclude<Role, 'anonymous'> | 'noah', string>;
	/** The values for the [params] of route patterns. */
	params: Record<string, string>;
	planVersion: number;
	steps: { youthTodo: string; youthDone: string; guide: string; jobcenter: string; proposed: string };
	stepVersions: { guide: number; jobcenter: number; proposed: number };
	threadId: string;
	meetingId: string;
	jobcenterGiveRecordId: string;
	guideRequestId: string;
	consentRequestId: string;
	inviteCode: string;
	consentWording: string;
	tomorrow: string;
	tomorrowAtTen: string;
	pushSubscription: { endpoint: string; keys: { p256dh: string; auth: string }; locale: string };
	newClientId: () => string;
}

/** Logs in through the real form (a same-origin post) and keeps the cookie in the client. */
export async function logIn(client: Client, username: string) {
	const reply = await client.send('POST', '/login', { username, password: DEMO_PASSWORD });
	expect(reply.status, `login as ${username}: ${reply.body.slice(0, 200)}`).toBe(303);
	expect(reply.headers.some((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('minvej_session='))).toBe(true);
}

const copenhagenDate = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(d);

/** The steps freja's guide and the visitation work on, done as the people themselves would. */
export async function prepare(clients: Record<Role, Client>, databasePath: string): Promise<Demo> {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const idOf = (username: string) => (db.prepare('select id from users where username = ?').pluck().get(username) as string) ?? '';
		const users = Object.fromEntries([...ROLES.filter((r) => r !== 'anonymous'), 'noah'].map((u) => [u, idOf(u)])) as Demo['users'];
		const frejaPlan = db.prepare('select id from plans where youth_id = ?').pluck().get(users.freja) as string;
		const stepOf = (where: string) =>
			db.prepare(`select id, version from plan_steps where plan_id = ? and ${where} order by position`).all(frejaPlan) as {
				id: string;
				version: number;
			}[];
		const youthSteps = stepOf("owner_kind = 'youth' and status = 'todo'");
		const [youthTodo, youthLater] = [youthSteps[0]!, youthSteps[1]!];

		const ok = (reply: { effective: number; body: string }, what: string) =>
			expect(reply.effective, `${what}: ${reply.body.slice(0, 300)}`).toBeLessThan(400);
		const act = (who: Role, url: string, form: Record<string, string>) => clients[who].send('POST', url, form, { enhanced: true });

		// Freja asks to change guide (the visitation's [requestId]), has done one of her steps (so
		// "mark done" on it is a no-op) and proposes a step (for the guide's accept/decline).
		ok(await act('freja', '/guide?/change', { guideId: '', reason: 'Jeg vil gerne prøve en anden guide.' }), 'freja asks to change guide');
		ok(await act('freja', '/plan?/markDone', { stepId: youthLater.id }), 'freja marks a step done');
		ok(await act('freja', '/plan?/propose', { title: 'Besøg på erhvervsskolen', description: '', dueDate: '' }), 'freja proposes a step');
		// Mette asks freja for a consent to PPR (for answerRequest); lone invites a new young person ([code]).
		ok(await act('mette', `/staff/youth/${users.freja}/consent?/ask`, { department: 'ppr', message: '' }), 'mette asks for a consent');
		const born = new Date();
		born.setFullYear(born.getFullYear() - 16);
		const invite = await act('lone', '/staff/invites?/create', { role: 'youth', displayName: 'Test Ung', birthDate: copenhagenDate(born) });
		ok(invite, 'lone makes an invite');
		const inviteCode = /\/invite\/([A-Za-z0-9_-]+)/.exec(invite.body)?.[1] ?? '';
		expect(inviteCode, 'the invite link').not.toBe('');

		// Lone makes a guide account ([userId]) for the administration's rows.
		const staff = await act('lone', '/staff/admin/new?/create', {
			role: 'guide',
			department: '',
			displayName: 'Test Guide',
			title: 'Guide',
			workplace: 'Ungeenheden',
			languages: 'dansk',
			capacity: '5',
			signIn: 'code',
			externalLogin: ''
		});
		ok(staff, 'lone makes a staff account');
		const userId = (db.prepare("select id from users where display_name = 'Test Guide'").pluck().get() as string) ?? '';
		expect(userId, 'the new account').not.toBe('');

		// Amina sends jonas a PDF ([id] of /api/attachments/[id]), as the app's script sends a file
		// (in her conversation, not freja's: the read marks stay where the markRead probes expect them).
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
		const sent = await clients.amina.context.fetch('/api/messages', {
			method: 'POST',
			headers: { origin: clients.amina.origin, accept: 'application/json' },
			multipart: { clientId: randomUUID(), body: 'Min plan', file: { name: 'plan.pdf', mimeType: 'application/pdf', buffer: pdf } }
		});
		expect(sent.status(), `amina sends a PDF: ${await sent.text()}`).toBe(201);

		const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
		// Freja approves her plan as it is ([version] of the approved plans' PDFs, issue 21): karen is
		// asked to co-sign it.
		const planVersion = one<{ version: number }>('select version from plans where id = ?', frejaPlan).version;
		ok(await act('freja', '/plan?/agree', { version: String(planVersion) }), 'freja approves her plan');
		// Its PDF is made just after the answer: stored before the run watches the database.
		await expect
			.poll(() => one<{ n: number }>('select count(*) as n from plan_approvals where pdf is null').n, {
				message: 'the approval’s PDF is stored'
			})
			.toBe(0);
		const guideRequestId = one<{ id: string }>('select id from guide_requests where youth_id = ? and status = ?', users.freja, 'open').id;
		const consentRequestId = one<{ id: string }>(
			'select id from consent_requests where youth_id = ? and answered_at is null',
			users.freja
		).id;
		const guide = stepOf("owner_kind = 'guide'")[0]!;
		const jobcenter = stepOf("owner_department = 'jobcenter'")[0]!;
		const proposed = stepOf("status = 'proposed'")[0]!;
		const tomorrow = new Date(Date.now() + 86_400_000);
		return {
			users,
			params: {
				youthId: users.freja,
				requestId: guideRequestId,
				code: inviteCode,
				audience: 'citizen',
				userId,
				id: one<{ id: string }>("select id from message_attachments where name = 'plan.pdf'").id,
				stepId: guide.id,
				meetingId: one<{ id: string }>('select id from meetings where plan_id = ? and cancelled_at is null order by starts_at', frejaPlan)
					.id,
				version: String(planVersion)
			},
			planVersion,
			steps: { youthTodo: youthTodo.id, youthDone: youthLater.id, guide: guide.id, jobcenter: jobcenter.id, proposed: proposed.id },
			stepVersions: { guide: guide.version, jobcenter: jobcenter.version, proposed: proposed.version },
			threadId: one<{ id: string }>('select id from message_threads where youth_id = ?', users.freja).id,
			meetingId: one<{ id: string }>('select id from meetings where plan_id = ? and cancelled_at is null order by starts_at', frejaPlan).id,
			jobcenterGiveRecordId: one<{ id: string }>(
				"select id from consent_records where youth_id = ? and department = 'jobcenter' and action = 'give'",
				users.freja
			).id,
			guideRequestId,
			consentRequestId,
			inviteCode,
			consentWording: 'consent-v2/da',
			tomorrow: copenhagenDate(tomorrow),
			tomorrowAtTen: `${copenhagenDate(tomorrow)}T10:00`,
			pushSubscription: {
				endpoint: 'https://fcm.googleapis.com/fcm/send/matrix-test',
				keys: { p256dh: Buffer.alloc(65, 4).toString('base64url'), auth: Buffer.alloc(16, 7).toString('base64url') },
				locale: 'da'
			},
			newClientId: () => randomUUID()
		};
	} finally {
		db.close();
	}
}

/** A route pattern with its [params] filled in; throws for a parameter the demo has no value for. */
export function fill(pattern: string, params: Record<string, string>): string {
	return pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
		const value = params[name];
		if (!value) throw new Error(`No demo value for [${name}] in ${pattern}: add one to prepare() in tests/access/state.ts`);
		return encodeURIComponent(value);
	});
}
