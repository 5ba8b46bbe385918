import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountAudit, guideAssignments, guideProfiles, guideRequests, messageThreads, sessions, users } from '../db/schema';
import { createSession, createLoginThrottle, logIn, validateSession } from '../auth';
import { acceptInvite } from '../people';
import { handoverNews, unseenGuideNews } from '../guides';
import { demoUser, freshDemoDatabase } from '../testing';
import { newId } from '../ids';
import { changeStaff, createStaff, issueSignInCode, listStaff, staffPerson } from './staff';
import { disableStaff, leaverHandover, TO_QUEUE } from './leaver';
import type { Db } from '../db';
import type { SessionUser } from '../auth';

let db: Db;
const who = (u: string) => demoUser(db, u);
const guideForm = {
	role: 'guide',
	department: '',
	displayName: 'Gitte Guide',
	title: 'UU-vejleder',
	workplace: 'Ungeenheden',
	languages: 'dansk, engelsk, arabisk',
	capacity: '20',
	externalLogin: '',
	signIn: 'code'
};
const asUser = (id: string): SessionUser => {
	const u = db.select().from(users).where(eq(users.id, id)).get()!;
	return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, department: u.department, birthDate: u.birthDate };
};
const auditRows = (userId: string) => db.select().from(accountAudit).where(eq(accountAudit.userId, userId)).all();

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('staff accounts', () => {
	it('the coordinator creates a guide with a sign-in code; the guide chooses a password and signs in', async () => {
		const made = createStaff(who('lone'), guideForm);
		expect(made).toMatchObject({ ok: true });
		if (!made.ok) return;
		expect(made.code).toMatch(/^[a-z2-7]{16}$/);
		const person = staffPerson(who('lone'), made.userId)!;
		expect(person).toMatchObject({ role: 'guide', capacity: 20, languages: ['dansk', 'engelsk', 'arabisk'], signedUp: false, username: null });
		expect(person.audit.map((a) => a.action)).toEqual(['code', 'created']);
		expect(person.audit[1]!.changes).toContainEqual({ field: 'capacity', before: null, after: 20 });
		expect(person.audit[1]!.actorName).toBe('Lone Madsen');
		// In the directory at once, with the capacity given.
		expect(db.select().from(guideProfiles).where(eq(guideProfiles.userId, made.userId)).get()).toMatchObject({ listed: true, capacity: 20 });

		expect(await acceptInvite(made.code!, { username: 'gitte', password: 'en god lang kode' })).toEqual({ ok: true, userId: made.userId });
		expect(await acceptInvite(made.code!, { username: 'gitte2', password: 'en god lang kode' })).toEqual({ ok: false, problem: 'invalid_invite' });
		const login = await logIn('gitte', 'en god lang kode', '127.0.0.5', undefined, createLoginThrottle());
		expect(login).toMatchObject({ ok: true, role: 'guide' });
		expect(staffPerson(who('lone'), made.userId)).toMatchObject({ signedUp: true, username: 'gitte' });
	});

	it('checks every field, a caseworker’s department and an OIDC match value, and changes nothing when refused', () => {
		const before = db.select().from(users).all().length;
		expect(createStaff(who('lone'), { ...guideForm, displayName: 'x', capacity: '201', languages: 'a'.repeat(41) })).toEqual({
			ok: false,
			errors: ['displayName', 'languages', 'capacity']
		});
		expect(createStaff(who('lone'), { ...guideForm, role: 'caseworker' })).toEqual({ ok: false, errors: ['department'] });
		expect(createStaff(who('lone'), { ...guideForm, role: 'guide', department: 'uu' })).toEqual({ ok: false, errors: ['department'] });
		expect(createStaff(who('lone'), { ...guideForm, role: 'astronaut' })).toMatchObject({ ok: false, errors: ['role'] });
		expect(createStaff(who('lone'), { ...guideForm, signIn: 'oidc', externalLogin: '' })).toEqual({ ok: false, errors: ['externalLogin'] });
		const oidc = createStaff(who('lone'), { ...guideForm, role: 'caseworker', department: 'ppr', signIn: 'oidc', externalLogin: 'gitte@eksempel.dk' });
		expect(oidc).toMatchObject({ ok: true, code: null });
		expect(createStaff(who('lone'), { ...guideForm, signIn: 'oidc', externalLogin: 'gitte@eksempel.dk' })).toEqual({
			ok: false,
			errors: ['externalLogin'],
			problem: 'external_login_taken'
		});
		expect(db.select().from(users).all().length).toBe(before + 1);
	});

	it('records each change of role, department or capacity with before and after, and shows it on the person’s page', () => {
		const ali = who('ali');
		const form = { ...guideForm, role: 'caseworker', department: 'jobcenter', displayName: 'Ali Demir', title: '', workplace: '', languages: '', capacity: '0' };
		// Ali is this jobcenter caseworker already: nothing to change, nothing written.
		expect(changeStaff(who('lone'), ali.id, form)).toEqual({ ok: true, changed: false });
		expect(changeStaff(who('lone'), ali.id, { ...form, department: 'fgu' })).toEqual({ ok: true, changed: true });
		expect(changeStaff(who('lone'), ali.id, { ...form, department: 'fgu' })).toEqual({ ok: true, changed: false });
		expect(asUser(ali.id).department).toBe('fgu');
		const person = staffPerson(who('lone'), ali.id)!;
		expect(person.audit[0]).toMatchObject({ action: 'changed', actorName: 'Lone Madsen', changes: [{ field: 'department', before: 'jobcenter', after: 'fgu' }] });
		// Role and capacity: ali becomes a guide, listed in the directory.
		expect(changeStaff(who('lone'), ali.id, { ...form, role: 'guide', department: '', capacity: '8' })).toEqual({ ok: true, changed: true });
		expect(staffPerson(who('lone'), ali.id)!.audit[0]!.changes).toEqual([
			{ field: 'role', before: 'caseworker', after: 'guide' },
			{ field: 'department', before: 'fgu', after: null },
			{ field: 'capacity', before: 0, after: 8 }
		]);
		expect(db.select().from(guideProfiles).where(eq(guideProfiles.userId, ali.id)).get()).toMatchObject({ listed: true, capacity: 8 });
		// The audit is append-only: one row per change that changed something, kept as it was.
		const rows = auditRows(ali.id);
		expect(rows.map((r) => r.action)).toEqual(['changed', 'changed']);
		expect(() => db.delete(accountAudit).run()).toThrow(/append-only/);
		expect(() => db.update(accountAudit).set({ action: 'created' }).run()).toThrow(/append-only/);
		expect(auditRows(ali.id)).toEqual(rows);
	});

	it('refuses to change one’s own role, the last coordinator’s, or a guide’s who still has young people', () => {
		const lone = who('lone');
		const own = { ...guideForm, role: 'guide', displayName: 'Lone Madsen', title: '', workplace: '', languages: '', capacity: '0' };
		expect(changeStaff(lone, lone.id, own)).toMatchObject({ ok: false, problem: 'self' });
		const other = createStaff(lone, { ...guideForm, role: 'coordinator', displayName: 'Kim Koordinator' });
		if (!other.ok) throw new Error('not created');
		expect(changeStaff(asUser(other.userId), lone.id, own)).toEqual({ ok: true, changed: true });
		// Now Kim is the only coordinator left.
		expect(changeStaff(lone, other.userId, { ...own, displayName: 'Kim Koordinator' })).toMatchObject({ ok: false, problem: 'last_coordinator' });
		const mette = who('mette');
		expect(changeStaff(asUser(other.userId), mette.id, { ...own, role: 'coordinator', displayName: 'Mette Larsen' })).toMatchObject({
			ok: false,
			problem: 'has_youth'
		});
		expect(changeStaff(asUser(other.userId), who('freja').id, own)).toBeNull(); // not a staff account
	});

	it('is for the coordinator alone', () => {
		for (const u of ['freja', 'karen', 'mette', 'ali']) {
			expect(() => createStaff(who(u), guideForm)).toThrow();
			expect(() => listStaff(who(u))).toThrow();
			expect(() => disableStaff(who(u), who('jonas').id, { all: TO_QUEUE, each: new Map() })).toThrow();
			expect(() => issueSignInCode(who(u), who('jonas').id)).toThrow();
		}
		expect(listStaff(who('lone')).people.map((p) => p.displayName)).toContain('Mette Larsen');
		expect(listStaff(who('lone'), { q: 'METTE' }).people.map((p) => p.displayName)).toEqual(['Mette Larsen']);
	});
});

describe('a leaver', () => {
	/** A new guide with three young people (and an open conversation each) who is signed in. */
	function guideWithThree() {
		const made = createStaff(who('lone'), { ...guideForm, capacity: '10' });
		if (!made.ok) throw new Error('not created');
		const youth = ['Ung Et', 'Ung To', 'Ung Tre'].map((name, i) => {
			const id = newId();
			db.insert(users).values({ id, username: `ung${i}`, displayName: name, role: 'youth', birthDate: '2008-03-0' + (i + 1) }).run();
			db.insert(guideAssignments).values({ id: newId(), youthId: id, guideId: made.userId, startedAt: new Date() }).run();
			db.insert(messageThreads).values({ id: newId(), youthId: id, guideId: made.userId }).run();
			return id;
		});
		const session = createSession({ id: made.userId, role: 'guide' });
		return { guideId: made.userId, youth, token: session.token };
	}

	it('hands each young person to a new guide or back to the visitation, ends the guide’s sessions and keeps everything', () => {
		const { guideId, youth, token } = guideWithThree();
		const [one, two, three] = youth as [string, string, string];
		expect(validateSession(token)).not.toBeNull();
		expect(leaverHandover(who('lone'), guideId)!.youth.map((y) => y.displayName)).toEqual(['Ung Et', 'Ung To', 'Ung Tre']);
		const each = new Map([
			[one, who('jonas').id],
			[two, TO_QUEUE],
			[three, who('mette').id]
		]);
		expect(disableStaff(who('lone'), guideId, { all: '', each })).toEqual({ ok: true, handedOver: 3 });
		// The guide's sessions are gone; the account is kept, disabled, with its history.
		expect(validateSession(token)).toBeNull();
		expect(db.select().from(sessions).where(eq(sessions.userId, guideId)).all()).toEqual([]);
		expect(asUser(guideId).role).toBe('guide');
		expect(staffPerson(who('lone'), guideId)!.audit[0]).toMatchObject({ action: 'disabled' });
		const current = (youthId: string) =>
			db.select().from(guideAssignments).where(and(eq(guideAssignments.youthId, youthId), isNull(guideAssignments.endedAt))).get();
		expect(current(one)?.guideId).toBe(who('jonas').id);
		expect(current(two)).toBeUndefined();
		expect(current(three)?.guideId).toBe(who('mette').id);
		// Back to the visitation: an open request on the young person's behalf.
		expect(db.select().from(guideRequests).where(eq(guideRequests.youthId, two)).get()).toMatchObject({ status: 'open', kind: 'change' });
		// Each young person sees the change on /guide (a mark on Guide until then); the old conversations are closed.
		expect(handoverNews(asUser(one), one)).toBe('newGuide');
		expect(handoverNews(asUser(two), two)).toBe('queue');
		expect(unseenGuideNews(asUser(three))).toBe(1);
		expect(db.select().from(messageThreads).where(and(eq(messageThreads.guideId, guideId), isNull(messageThreads.closedAt))).all()).toEqual([]);
		// Nothing was deleted: the old assignments are history.
		expect(db.select().from(guideAssignments).where(eq(guideAssignments.guideId, guideId)).all()).toHaveLength(3);
	});

	it('asks for a choice for every young person, within capacity, and changes nothing until all are good', () => {
		const { guideId, youth, token } = guideWithThree();
		const sofie = who('sofie').id; // full (2 of 2)
		expect(disableStaff(who('lone'), guideId, { all: '', each: new Map([[youth[0]!, who('jonas').id]]) })).toEqual({
			ok: false,
			problem: 'handover',
			handover: { [youth[1]!]: 'choose', [youth[2]!]: 'choose' }
		});
		expect(disableStaff(who('lone'), guideId, { all: sofie, each: new Map() })).toMatchObject({ ok: false, problem: 'handover' });
		expect(disableStaff(who('lone'), guideId, { all: guideId, each: new Map() })).toMatchObject({ ok: false, problem: 'handover' });
		expect(validateSession(token)).not.toBeNull();
		expect(asUser(guideId)).toBeTruthy();
		expect(db.select().from(users).where(eq(users.id, guideId)).get()!.disabledAt).toBeNull();
		// All to one: jonas has room for all three.
		expect(disableStaff(who('lone'), guideId, { all: who('jonas').id, each: new Map() })).toEqual({ ok: true, handedOver: 3 });
		expect(disableStaff(who('lone'), guideId, { all: who('jonas').id, each: new Map() })).toEqual({ ok: false, problem: 'disabled' });
	});

	it('refuses to disable the last coordinator, or oneself', () => {
		const lone = who('lone');
		expect(disableStaff(lone, lone.id, { all: '', each: new Map() })).toEqual({ ok: false, problem: 'self' });
		const kim = createStaff(lone, { ...guideForm, role: 'coordinator', displayName: 'Kim Koordinator' });
		if (!kim.ok) throw new Error('not created');
		expect(disableStaff(lone, kim.userId, { all: '', each: new Map() })).toEqual({ ok: true, handedOver: 0 });
		const third = createStaff(lone, { ...guideForm, role: 'coordinator', displayName: 'Tredje Koordinator' });
		if (!third.ok) throw new Error('not created');
		// lone and the third are active; the third disables lone; then the third is the last.
		expect(disableStaff(asUser(third.userId), lone.id, { all: '', each: new Map() })).toEqual({ ok: true, handedOver: 0 });
		expect(disableStaff(asUser(third.userId), third.userId, { all: '', each: new Map() })).toEqual({ ok: false, problem: 'self' });
		// Not even through a session that outlived its coordinator's account.
		expect(disableStaff(lone, third.userId, { all: '', each: new Map() })).toEqual({ ok: false, problem: 'last_coordinator' });
		const admin = createStaff(asUser(third.userId), { ...guideForm, role: 'guide', displayName: 'Gæst' });
		expect(admin.ok).toBe(true);
		expect(disableStaff(asUser(third.userId), kim.userId, { all: '', each: new Map() })).toEqual({ ok: false, problem: 'disabled' });
		// A caseworker (not a coordinator) trying is refused by the policy.
		expect(() => disableStaff(who('ali'), third.userId, { all: '', each: new Map() })).toThrow();
	});
});
