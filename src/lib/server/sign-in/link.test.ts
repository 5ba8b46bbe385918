import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInvite, createSignInCode } from '../auth';
import type { Db } from '../db';
import { linkedSignIns, pendingLinks, users } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import { findPendingLink, linkWithCode, purgePendingLinks, resolveIdentity, type VerifiedIdentity } from './link';
import { purgeUnfinishedSignIns } from './purge';
import { saveSignInRequest, takeSignInRequest } from './requests';
import { listLinkedSignIns, removeLinkedSignIn } from './linked';

let db: Db;
beforeEach(async () => {
	db = await freshDemoDatabase();
});

const citizen = (subject: string): VerifiedIdentity => ({
	protocol: 'oidc',
	audience: 'citizen',
	issuer: 'https://broker.unilogin.example',
	subject,
	label: 'UNI-Login',
	logoutHint: 'id-token'
});
const staff = (matchValue: string | null): VerifiedIdentity => ({
	protocol: 'oidc',
	audience: 'staff',
	issuer: 'https://login.example/tenant',
	subject: 'staff-sub',
	label: 'Microsoft',
	logoutHint: null,
	matchValue
});

function pendingToken(identity: VerifiedIdentity) {
	const outcome = resolveIdentity(identity);
	if (outcome.kind !== 'link') throw new Error(`expected a pending link, got ${outcome.kind}`);
	return outcome.token;
}

describe('a citizen identity', () => {
	it('is held as a pending link until an invite makes the account (no password), then goes straight in', () => {
		const mette = demoUser(db, 'mette');
		const { code } = createInvite(mette.id, { role: 'youth', displayName: 'Sara Holm', birthDate: '2010-03-01' });
		const token = pendingToken(citizen('sub-sara'));
		expect(findPendingLink(token)?.label).toBe('UNI-Login');
		// Nothing linked yet, nobody made.
		expect(db.select().from(linkedSignIns).all()).toHaveLength(0);

		expect(linkWithCode(token, 'not-a-code')).toEqual({ ok: false, problem: 'invalid_code' });
		const linked = linkWithCode(token, ` ${code.toUpperCase()} `);
		expect(linked.ok).toBe(true);
		if (!linked.ok) return;
		expect(linked.origin).toEqual({ signInProvider: 'oidc-citizen', logoutHint: 'id-token' });
		const sara = db.select().from(users).where(eq(users.id, linked.user.id)).get()!;
		expect(sara).toMatchObject({ displayName: 'Sara Holm', role: 'youth', passwordHash: null });

		// The pending link and the invite are used up.
		expect(linkWithCode(token, code)).toEqual({ ok: false, problem: 'expired' });
		expect(findPendingLink(token)).toBeNull();
		expect(linkWithCode(pendingToken(citizen('sub-other')), code)).toEqual({ ok: false, problem: 'invalid_code' });

		// Later: straight in.
		expect(resolveIdentity(citizen('sub-sara'))).toEqual({ kind: 'user', user: { id: sara.id, role: 'youth' } });
	});

	it('links to an existing account with a sign-in code, once', () => {
		const freja = demoUser(db, 'freja');
		const { code } = createSignInCode(freja.id, null);
		const linked = linkWithCode(pendingToken(citizen('sub-freja')), code);
		expect(linked.ok && linked.user.id).toBe(freja.id);
		expect(linkWithCode(pendingToken(citizen('sub-freja-2')), code)).toEqual({ ok: false, problem: 'invalid_code' });
		expect(resolveIdentity(citizen('sub-freja'))).toMatchObject({ kind: 'user', user: { id: freja.id } });
	});

	it('is never matched by name and never linked to staff by a code', () => {
		const lone = demoUser(db, 'lone');
		const guideInvite = createInvite(lone.id, { role: 'guide', displayName: 'Ny Vejleder', title: 'Vejleder', workplace: 'UU' });
		expect(linkWithCode(pendingToken(citizen('sub-x')), guideInvite.code)).toEqual({ ok: false, problem: 'invalid_code' });
		const mette = demoUser(db, 'mette');
		const staffCode = createSignInCode(mette.id, null);
		expect(linkWithCode(pendingToken(citizen('sub-y')), staffCode.code)).toEqual({ ok: false, problem: 'invalid_code' });
		expect(db.select().from(linkedSignIns).all()).toHaveLength(0);
	});

	it('of a disabled account is refused', () => {
		const freja = demoUser(db, 'freja');
		const { code } = createSignInCode(freja.id, null);
		expect(linkWithCode(pendingToken(citizen('sub-freja')), code).ok).toBe(true);
		db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, freja.id)).run();
		expect(resolveIdentity(citizen('sub-freja'))).toEqual({ kind: 'refused', reason: 'disabled' });
	});

	it('expires as a pending link', () => {
		const freja = demoUser(db, 'freja');
		const { code } = createSignInCode(freja.id, null);
		const token = pendingToken(citizen('sub-late'));
		const later = new Date(Date.now() + 16 * 60_000);
		expect(linkWithCode(token, code, later)).toEqual({ ok: false, problem: 'expired' });
		// Only the token's hash is kept.
		expect(
			db
				.select()
				.from(pendingLinks)
				.all()
				.map((p) => p.tokenHash)
		).not.toContain(token);
	});
});

describe('sign-ins begun and never finished', () => {
	const subjects = () =>
		db
			.select()
			.from(pendingLinks)
			.all()
			.map((p) => p.subject)
			.sort();

	it('leave no pending link behind once it is used or past its time: the next one tidies up', () => {
		const freja = demoUser(db, 'freja');
		const { code } = createSignInCode(freja.id, null);
		const start = new Date();
		const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
		pendingToken(citizen('sub-gave-up'));
		const used = pendingToken(citizen('sub-linked'));
		expect(linkWithCode(used, code).ok).toBe(true);
		expect(subjects()).toEqual(['sub-gave-up', 'sub-linked']);
		// The next pending link (10 minutes on) takes the used one away; the open one stays.
		resolveIdentity(citizen('sub-still-typing'), minutes(10));
		expect(subjects()).toEqual(['sub-gave-up', 'sub-still-typing']);

		// 16 minutes on, the one never finished is past its time and goes; the one begun at 10 stays.
		resolveIdentity(citizen('sub-next'), minutes(16));
		expect(subjects()).toEqual(['sub-next', 'sub-still-typing']);
		expect(purgePendingLinks(minutes(16))).toBe(0);
		expect(purgePendingLinks(minutes(26))).toBe(1);
		expect(subjects()).toEqual(['sub-next']);
	});

	it('are purged on the timer too, requests and pending links alike, on a day nobody signs in', () => {
		const start = new Date();
		const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
		saveSignInRequest({ id: 'state-open', kind: 'oidc', audience: 'citizen' }, start);
		saveSignInRequest({ id: 'state-used', kind: 'oidc', audience: 'citizen' }, start);
		expect(takeSignInRequest('state-used', 'oidc', 'citizen', minutes(1))).not.toBeNull();
		pendingToken(citizen('sub-gave-up'));
		expect(purgeUnfinishedSignIns(minutes(5))).toEqual({ requests: 1, pendingLinks: 0 });
		expect(purgeUnfinishedSignIns(minutes(16))).toEqual({ requests: 1, pendingLinks: 1 });
		expect(subjects()).toEqual([]);
		expect(takeSignInRequest('state-open', 'oidc', 'citizen', minutes(2))).toBeNull();
	});
});

describe('a staff identity', () => {
	it("is matched case-insensitively to a staff account's external login", () => {
		const mette = demoUser(db, 'mette');
		db.update(users).set({ externalLogin: 'Mette@Kommune.dk' }).where(eq(users.id, mette.id)).run();
		expect(resolveIdentity(staff(' mette@kommune.DK'))).toEqual({ kind: 'user', user: { id: mette.id, role: 'guide' } });
	});

	it('is refused when unknown, missing or disabled, and never made on the fly', () => {
		const before = db.select().from(users).all().length;
		expect(resolveIdentity(staff('nobody@kommune.dk'))).toEqual({ kind: 'refused', reason: 'staff_unknown' });
		expect(resolveIdentity(staff(null))).toEqual({ kind: 'refused', reason: 'staff_unknown' });
		const ali = demoUser(db, 'ali');
		db.update(users).set({ externalLogin: 'ali@kommune.dk', disabledAt: new Date() }).where(eq(users.id, ali.id)).run();
		expect(resolveIdentity(staff('ali@kommune.dk'))).toEqual({ kind: 'refused', reason: 'disabled' });
		expect(db.select().from(users).all()).toHaveLength(before);
		expect(db.select().from(pendingLinks).all()).toHaveLength(0);
	});

	it('never signs in a young person or parent', () => {
		const freja = demoUser(db, 'freja');
		db.update(users).set({ externalLogin: 'freja@skole.dk' }).where(eq(users.id, freja.id)).run();
		expect(resolveIdentity(staff('freja@skole.dk'))).toEqual({ kind: 'refused', reason: 'staff_unknown' });
	});
});

describe('linked sign-ins', () => {
	it('are listed and removed, but never the last one of a person without a password', () => {
		const mette = demoUser(db, 'mette');
		const { code } = createInvite(mette.id, { role: 'youth', displayName: 'Sara Holm', birthDate: '2010-03-01' });
		const linked = linkWithCode(pendingToken(citizen('sub-1')), code);
		if (!linked.ok) throw new Error('not linked');
		const sara = linked.user.id;
		const { code: second } = createSignInCode(sara, null);
		expect(linkWithCode(pendingToken({ ...citizen('sub-2'), label: 'MitID' }), second).ok).toBe(true);

		const { links, hasPassword } = listLinkedSignIns(sara);
		expect(hasPassword).toBe(false);
		expect(links.map((l) => l.label).sort()).toEqual(['MitID', 'UNI-Login']);
		// Someone else's link is not theirs to remove.
		const freja = demoUser(db, 'freja');
		expect(removeLinkedSignIn(freja.id, links[0]!.id)).toEqual({ ok: false, problem: 'gone' });
		expect(removeLinkedSignIn(sara, links[0]!.id)).toEqual({ ok: true });
		expect(removeLinkedSignIn(sara, links[1]!.id)).toEqual({ ok: false, problem: 'last_way_in' });
		expect(listLinkedSignIns(sara).links).toHaveLength(1);
	});

	it('can all go when the person has a password', () => {
		const freja = demoUser(db, 'freja');
		const { code } = createSignInCode(freja.id, null);
		expect(linkWithCode(pendingToken(citizen('sub-f')), code).ok).toBe(true);
		const [link] = listLinkedSignIns(freja.id).links;
		expect(removeLinkedSignIn(freja.id, link!.id)).toEqual({ ok: true });
		expect(listLinkedSignIns(freja.id)).toEqual({ links: [], hasPassword: true });
	});
});
