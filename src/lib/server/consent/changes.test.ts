import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { consentRecords, consentRequests, parentLinks, users } from '../db/schema';
import { consentYouth, currentConsentStates, linkedParents, loadConsentRecords } from '../access';
import { cosignConsent, giveConsent, removeParentLink, withdrawConsent } from './changes';
import { consentHistory, consentHistoryExport } from './history';
import { answerConsentRequest, askForConsent, consentRequestCount, openConsentRequests } from './requests';
import { parentConsentView, staffConsentView, youthConsentView } from './views';
import { wordingVersionFor } from './wording';
import { can } from '../access';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

let db: Db;
const who = (username: string) => demoUser(db, username);
const id = (username: string) => who(username).id;
const da = { wording: wordingVersionFor('da'), locale: 'da' as const };
const en = { wording: wordingVersionFor('en'), locale: 'en' as const };
const stateOf = (username: string, key: string) => currentConsentStates(consentYouth(id(username))!).get(key)?.status ?? 'none';
const recordCount = (username: string) => loadConsentRecords(id(username)).length;

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('withdrawing ends access on the very next check', () => {
	it('ali (jobcenter) reads freja’s plan, then not, then again after she gives it anew', async () => {
		expect(can(who('ali'), 'plan.read', id('freja'))).toBe(true);
		const result = await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', ...da });
		expect(result).toEqual({ ok: true, status: 'withdrawn', changed: true });
		expect(can(who('ali'), 'plan.read', id('freja'))).toBe(false);
		expect(can(who('ali'), 'profile.read', id('freja'))).toBe(false);
		expect(await giveConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', ...da })).toEqual({
			ok: true,
			status: 'active',
			changed: true
		});
		expect(can(who('ali'), 'plan.read', id('freja'))).toBe(true);
	});

	it('karen no longer sees freja’s plan once freja stops sharing it with her', async () => {
		expect(can(who('karen'), 'plan.read', id('freja'))).toBe(true);
		await withdrawConsent(who('freja'), id('freja'), { recipient: `parent:${id('karen')}`, ...da });
		expect(can(who('karen'), 'plan.read', id('freja'))).toBe(false);
		expect(can(who('karen'), 'profile.read', id('freja'))).toBe(true); // still her mother
		expect(parentConsentView(who('karen'), id('freja'), 'da')).toMatchObject({ shared: [], notShared: ['plan', 'guide', 'meetings'] });
	});

	it('a parent gets exactly the kinds ticked, and never messages', async () => {
		const r = await giveConsent(who('freja'), id('freja'), { recipient: `parent:${id('karen')}`, kinds: ['guide', 'meetings'], ...da });
		expect(r).toMatchObject({ ok: true, status: 'active' });
		expect(can(who('karen'), 'plan.read', id('freja'))).toBe(false);
		expect(can(who('karen'), 'guide.read', id('freja'))).toBe(true);
		expect(can(who('karen'), 'meetings.read', id('freja'))).toBe(true);
		expect(can(who('karen'), 'messages.read', id('freja'))).toBe(false);
		expect(parentConsentView(who('karen'), id('freja'), 'da')).toMatchObject({ shared: ['guide', 'meetings'], notShared: ['plan'] });
	});

	it('refuses a parent consent with nothing ticked, or with messages', async () => {
		const before = recordCount('freja');
		const parent = `parent:${id('karen')}`;
		expect(await giveConsent(who('freja'), id('freja'), { recipient: parent, kinds: [], ...da })).toEqual({ ok: false, error: 'kinds' });
		expect(await giveConsent(who('freja'), id('freja'), { recipient: parent, kinds: ['messages'], ...da })).toEqual({
			ok: false,
			error: 'kinds'
		});
		expect(recordCount('freja')).toBe(before);
	});
});

describe('who may change a consent', () => {
	it('only the young person gives; nobody gives for someone else', async () => {
		for (const u of ['mette', 'lone', 'ali', 'karen', 'amina']) {
			expect(await giveConsent(who(u), id('freja'), { recipient: 'department:family', ...da })).toEqual({
				ok: false,
				error: 'not_allowed'
			});
			expect(await withdrawConsent(who(u), id('freja'), { recipient: 'department:uu', ...da })).toEqual({
				ok: false,
				error: 'not_allowed'
			});
		}
		expect(await giveConsent(null, id('freja'), { recipient: 'department:family', ...da })).toEqual({ ok: false, error: 'not_allowed' });
		expect(stateOf('freja', 'department:uu')).toBe('active');
	});

	it('refuses unknown recipients: a parent who is not linked, a made-up department', async () => {
		expect(await giveConsent(who('freja'), id('freja'), { recipient: `parent:${id('peter')}`, kinds: ['plan'], ...da })).toEqual({
			ok: false,
			error: 'recipient'
		});
		expect(await giveConsent(who('freja'), id('freja'), { recipient: 'department:police', ...da })).toEqual({
			ok: false,
			error: 'recipient'
		});
	});

	it('refuses a change made from a wording that is no longer in force', async () => {
		const before = recordCount('freja');
		expect(
			await giveConsent(who('freja'), id('freja'), { recipient: 'department:family', wording: 'consent-v0/da', locale: 'da' })
		).toEqual({
			ok: false,
			error: 'wording_changed'
		});
		expect(recordCount('freja')).toBe(before);
	});

	it('giving what is already in force, or withdrawing what is not, records nothing', async () => {
		const before = recordCount('freja');
		expect(await giveConsent(who('freja'), id('freja'), { recipient: 'department:uu', ...da })).toEqual({
			ok: true,
			status: 'active',
			changed: false
		});
		expect(await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:family', ...da })).toEqual({
			ok: true,
			status: 'none',
			changed: false
		});
		expect(recordCount('freja')).toBe(before);
	});
});

describe('under the self-consent age', () => {
	it('noah (14) gives UU: it waits for peter, who co-signs; then UU sees the plan', async () => {
		const give = await giveConsent(who('noah'), id('noah'), { recipient: 'department:uu', ...da });
		expect(give).toEqual({ ok: true, status: 'waiting_cosign', changed: true });
		const view = youthConsentView(who('noah'), id('noah'), 'da')!;
		expect(view.underAge).toBe(true);
		const uu = view.departments.find((d) => d.key === 'department:uu')!;
		expect(uu.status).toBe('waiting_cosign');
		expect(uu.waitingFor).toEqual(['Peter Jensen']);
		expect(uu.give).toContain('forældremyndighed');

		const peterView = parentConsentView(who('peter'), id('noah'), 'da')!;
		expect(peterView.custodian?.waiting).toHaveLength(1);
		const waiting = peterView.custodian!.waiting[0]!;
		// Someone who is not noah's custody holder may not co-sign.
		expect(await cosignConsent(who('karen'), id('noah'), { giveRecordId: waiting.giveRecordId, ...da })).toEqual({
			ok: false,
			error: 'not_allowed'
		});
		expect(await cosignConsent(who('peter'), id('noah'), { giveRecordId: waiting.giveRecordId, ...da })).toEqual({
			ok: true,
			status: 'active',
			changed: true
		});
		expect(stateOf('noah', 'department:uu')).toBe('active');
		const records = loadConsentRecords(id('noah'));
		const cosign = records.at(-1)!;
		expect(cosign).toMatchObject({
			action: 'cosign',
			actorId: id('peter'),
			cosignOf: waiting.giveRecordId,
			wordingVersion: 'consent-v2/da'
		});
		expect(cosign.wordingText).toBe(waiting.text);
		// Co-signing twice is refused: nothing waits any more.
		expect(await cosignConsent(who('peter'), id('noah'), { giveRecordId: waiting.giveRecordId, ...da })).toEqual({
			ok: false,
			error: 'not_waiting'
		});
	});

	it('the custody holder may withdraw a department consent with immediate effect', async () => {
		await giveConsent(who('noah'), id('noah'), { recipient: 'department:jobcenter', ...da });
		const { giveRecordId } = parentConsentView(who('peter'), id('noah'), 'da')!.custodian!.waiting[0]!;
		await cosignConsent(who('peter'), id('noah'), { giveRecordId, ...da });
		expect(can(who('ali'), 'plan.read', id('noah'))).toBe(true);
		expect(await withdrawConsent(who('peter'), id('noah'), { recipient: 'department:jobcenter', ...da })).toEqual({
			ok: true,
			status: 'withdrawn',
			changed: true
		});
		expect(can(who('ali'), 'plan.read', id('noah'))).toBe(false);
		const row = youthConsentView(who('noah'), id('noah'), 'da')!.departments.find((d) => d.key === 'department:jobcenter')!;
		expect(row.status).toBe('withdrawn');
		expect(row.changedBy).toBe('Peter Jensen');
	});

	it('a custody holder does not withdraw what the young person shares with a parent', async () => {
		await giveConsent(who('noah'), id('noah'), { recipient: `parent:${id('peter')}`, kinds: ['plan'], ...da });
		expect(await withdrawConsent(who('peter'), id('noah'), { recipient: `parent:${id('peter')}`, ...da })).toEqual({
			ok: false,
			error: 'not_allowed'
		});
	});

	it('the young person may cancel a consent that waits', async () => {
		await giveConsent(who('noah'), id('noah'), { recipient: 'department:ppr', ...da });
		expect(await withdrawConsent(who('noah'), id('noah'), { recipient: 'department:ppr', ...da })).toMatchObject({ status: 'withdrawn' });
		expect(parentConsentView(who('peter'), id('noah'), 'da')!.custodian!.waiting).toEqual([]);
	});

	it('freja (17) needs no co-signature, and karen cannot co-sign or withdraw for her', async () => {
		expect(await giveConsent(who('freja'), id('freja'), { recipient: 'department:fgu', ...da })).toMatchObject({ status: 'active' });
		expect(parentConsentView(who('karen'), id('freja'), 'da')!.custodian).toBeNull();
		expect(await withdrawConsent(who('karen'), id('freja'), { recipient: 'department:fgu', ...da })).toEqual({
			ok: false,
			error: 'not_allowed'
		});
	});
});

describe('the wording is recorded exactly, with its version and language', () => {
	it('stores the Danish or English text that was shown', async () => {
		const view = youthConsentView(who('freja'), id('freja'), 'en')!;
		const family = view.departments.find((d) => d.key === 'department:family')!;
		await giveConsent(who('freja'), id('freja'), { recipient: 'department:family', ...en });
		const give = loadConsentRecords(id('freja')).at(-1)!;
		expect(give).toMatchObject({ action: 'give', wordingVersion: 'consent-v2/en', dataKinds: ['plan', 'guide', 'meetings', 'checkins'] });
		expect(give.wordingText).toBe(family.give);
		expect(give.wordingText).toMatch(
			/^The family department may see your plan, who your guide is, your meetings, and your answers when we ask how you are doing\.\nWhy: /
		);

		const daRow = youthConsentView(who('freja'), id('freja'), 'da')!.departments.find((d) => d.key === 'department:family')!;
		await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:family', ...da });
		const withdraw = loadConsentRecords(id('freja')).at(-1)!;
		expect(withdraw).toMatchObject({ action: 'withdraw', wordingVersion: 'consent-v2/da', actorId: id('freja') });
		expect(withdraw.wordingText).toBe(daRow.withdraw);
		expect(withdraw.purpose).toBe(give.purpose);
	});

	it('a parent consent records the sentence shown and the kinds ticked', async () => {
		await giveConsent(who('freja'), id('freja'), { recipient: `parent:${id('karen')}`, kinds: ['plan', 'meetings'], ...da });
		const rec = loadConsentRecords(id('freja')).at(-1)!;
		expect(rec.dataKinds).toEqual(['plan', 'meetings']);
		expect(rec.wordingText).toMatch(/^Karen Nielsen må se de dele, du sætter flueben ved\.\n[^]*\nValgt: din plan og dine møder\.$/);
	});

	it('the database refuses to change or delete a record', () => {
		const rec = loadConsentRecords(id('freja'))[0]!;
		expect(() => db.update(consentRecords).set({ wordingText: 'x' }).where(eq(consentRecords.id, rec.id)).run()).toThrow(/append-only/);
		expect(() => db.delete(consentRecords).where(eq(consentRecords.id, rec.id)).run()).toThrow(/append-only/);
	});
});

describe('history and its JSON export', () => {
	it('lists every record, oldest first, with who did it; only for the young person', async () => {
		await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', ...da });
		const history = consentHistory(who('freja'), id('freja'))!;
		expect(history.map((h) => h.action)).toEqual(['give', 'give', 'give', 'withdraw']);
		expect(history.at(-1)).toMatchObject({
			recipient: { kind: 'department', department: 'jobcenter' },
			by: { name: 'Freja Nielsen', isYouth: true }
		});
		expect(history[2]!.recipient).toMatchObject({ kind: 'parent', name: 'Karen Nielsen' });
		for (const u of ['mette', 'karen', 'ali', 'lone']) expect(consentHistory(who(u), id('freja'))).toBeNull();
	});

	it('exports the records and the current state as JSON that round-trips', async () => {
		await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', ...da });
		const exported = JSON.parse(JSON.stringify(consentHistoryExport(who('freja'), id('freja'))));
		expect(exported.kind).toBe('minvej-consent-history');
		expect(exported.records).toHaveLength(4);
		expect(exported.records[3]).toMatchObject({ action: 'withdraw', wordingVersion: 'consent-v2/da' });
		expect(typeof exported.records[3].createdAt).toBe('string');
		expect(exported.currentState).toContainEqual(
			expect.objectContaining({ recipient: { kind: 'department', department: 'jobcenter' }, status: 'withdrawn' })
		);
		expect(consentHistoryExport(who('karen'), id('freja'))).toBeNull();
	});
});

describe('a guide asks, the young person answers', () => {
	it('mette asks freja for FGU; freja says yes and FGU gets access', async () => {
		const asked = askForConsent(who('mette'), id('freja'), { department: 'fgu', message: 'FGU vil gerne hjælpe med skemaet.' });
		expect(asked.ok).toBe(true);
		// Asking again while it is open does not make a second request.
		expect(askForConsent(who('mette'), id('freja'), { department: 'fgu', message: '' })).toEqual(asked);
		const [request] = openConsentRequests(id('freja'));
		expect(request).toMatchObject({ department: 'fgu', requestedBy: 'Mette Larsen', message: 'FGU vil gerne hjælpe med skemaet.' });
		expect(youthConsentView(who('freja'), id('freja'), 'da')!.requests).toHaveLength(1);
		expect(consentRequestCount(who('freja'), id('freja'))).toBe(1);
		expect(consentRequestCount(who('mette'), id('freja'))).toBe(0);
		expect(staffConsentView(who('mette'), id('freja'), 'da')!.requests).toHaveLength(1);

		const answer = await answerConsentRequest(who('freja'), id('freja'), { requestId: request!.id, answer: 'given', ...da });
		expect(answer).toEqual({ ok: true, status: 'active', changed: true });
		expect(stateOf('freja', 'department:fgu')).toBe('active');
		expect(openConsentRequests(id('freja'))).toEqual([]);
		expect(consentRequestCount(who('freja'), id('freja'))).toBe(0);
		expect(db.select().from(consentRequests).where(eq(consentRequests.id, request!.id)).get()).toMatchObject({ answer: 'given' });
		// Answering again is refused.
		expect(await answerConsentRequest(who('freja'), id('freja'), { requestId: request!.id, answer: 'given', ...da })).toEqual({
			ok: false,
			error: 'request'
		});
	});

	it('saying no closes the request and records no consent', async () => {
		const asked = askForConsent(who('mette'), id('freja'), { department: 'ppr', message: '' });
		const before = recordCount('freja');
		expect(
			await answerConsentRequest(who('freja'), id('freja'), { requestId: asked.ok ? asked.requestId : '', answer: 'declined', ...da })
		).toEqual({
			ok: true,
			status: 'none',
			changed: false
		});
		expect(recordCount('freja')).toBe(before);
		expect(stateOf('freja', 'department:ppr')).toBe('none');
	});

	it('only the assigned guide asks, and only for what is not already given', () => {
		expect(askForConsent(who('jonas'), id('freja'), { department: 'fgu', message: '' })).toEqual({ ok: false, error: 'not_allowed' });
		expect(askForConsent(who('ali'), id('freja'), { department: 'fgu', message: '' })).toEqual({ ok: false, error: 'not_allowed' });
		expect(askForConsent(who('freja'), id('freja'), { department: 'fgu', message: '' })).toEqual({ ok: false, error: 'not_allowed' });
		expect(askForConsent(who('mette'), id('freja'), { department: 'uu', message: '' })).toEqual({ ok: false, error: 'already_given' });
		expect(askForConsent(who('mette'), id('freja'), { department: 'police', message: '' })).toEqual({ ok: false, error: 'department' });
		expect(askForConsent(who('mette'), id('freja'), { department: 'fgu', message: 'x'.repeat(501) })).toEqual({
			ok: false,
			error: 'message'
		});
	});

	it('nobody but the young person answers', async () => {
		const asked = askForConsent(who('mette'), id('freja'), { department: 'fgu', message: '' });
		const requestId = asked.ok ? asked.requestId : '';
		for (const u of ['mette', 'karen', 'amina']) {
			expect(await answerConsentRequest(who(u), id('freja'), { requestId, answer: 'given', ...da })).toEqual({
				ok: false,
				error: 'not_allowed'
			});
		}
		expect(await answerConsentRequest(who('amina'), id('amina'), { requestId, answer: 'given', ...da })).toEqual({
			ok: false,
			error: 'request'
		});
	});
});

describe('who sees the states', () => {
	it('the guide and the coordinator read them; the caseworker and others do not', () => {
		const mette = staffConsentView(who('mette'), id('freja'), 'da')!;
		expect(mette.rows.find((r) => r.key === 'department:jobcenter')).toMatchObject({ status: 'active' });
		expect(mette.askable?.map((a) => a.department)).toEqual(['family', 'fgu', 'ppr', 'addiction']);
		const lone = staffConsentView(who('lone'), id('freja'), 'da')!;
		expect(lone.askable).toBeNull();
		expect(staffConsentView(who('ali'), id('freja'), 'da')).toBeNull();
		expect(staffConsentView(who('jonas'), id('freja'), 'da')).toBeNull();
		expect(youthConsentView(who('mette'), id('freja'), 'da')).toBeNull();
		expect(parentConsentView(who('peter'), id('freja'), 'da')).toBeNull();
	});

	it('a disabled young person has no consent page', () => {
		db.update(users)
			.set({ disabledAt: new Date() })
			.where(eq(users.id, id('amina')))
			.run();
		expect(youthConsentView(who('amina'), id('amina'), 'da')).toBeNull();
	});
});

describe('a person gives or co-signs at most 20 consent changes a minute (each is a permanent record)', () => {
	it('refuses a yes over 20 changes a minute, with how long to wait, recording nothing; a withdrawal always goes through', async () => {
		const before = recordCount('freja');
		for (let i = 0; i < 10; i++) {
			expect(await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', ...da })).toMatchObject({
				changed: true
			});
			expect(await giveConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', ...da })).toMatchObject({ changed: true });
		}
		expect(recordCount('freja')).toBe(before + 20);
		const refused = await giveConsent(who('freja'), id('freja'), { recipient: 'department:family', ...da });
		expect(refused).toMatchObject({ ok: false, error: 'rate_limited' });
		const wait = !refused.ok && refused.error === 'rate_limited' ? refused.retryAfter : 0;
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(60);
		expect(recordCount('freja')).toBe(before + 20);
		expect(stateOf('freja', 'department:family')).toBe('none');
		// Saying stop is never held back (docs/product.md rule 3) …
		expect(await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', ...da })).toEqual({
			ok: true,
			status: 'withdrawn',
			changed: true
		});
		// … and every withdrawal follows a yes, which is what the limit counts.
		expect(await giveConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', ...da })).toMatchObject({
			error: 'rate_limited'
		});
		expect(recordCount('freja')).toBe(before + 21);
		// Someone else changes theirs as usual.
		expect(await giveConsent(who('amina'), id('amina'), { recipient: 'department:family', ...da })).toMatchObject({ changed: true });
	});

	it('counts only what is recorded: a repeated yes, a refusal or a stale wording uses none of the 20', async () => {
		for (let i = 0; i < 25; i++) {
			expect(await giveConsent(who('freja'), id('freja'), { recipient: 'department:uu', ...da })).toMatchObject({ changed: false });
			expect(await giveConsent(who('freja'), id('freja'), { recipient: 'department:police', ...da })).toMatchObject({ error: 'recipient' });
			expect(
				await giveConsent(who('freja'), id('freja'), { recipient: 'department:fgu', wording: 'consent-v0/da', locale: 'da' })
			).toMatchObject({
				error: 'wording_changed'
			});
		}
		expect(await giveConsent(who('freja'), id('freja'), { recipient: 'department:fgu', ...da })).toMatchObject({ changed: true });
	});

	it('counts a yes to a guide’s request, and a custody holder’s co-signatures as theirs', async () => {
		const asked = askForConsent(who('mette'), id('freja'), { department: 'fgu', message: '' });
		for (let i = 0; i < 10; i++) {
			await giveConsent(who('freja'), id('freja'), { recipient: 'department:family', ...da });
			await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:family', ...da });
		}
		const answer = await answerConsentRequest(who('freja'), id('freja'), {
			requestId: asked.ok ? asked.requestId : '',
			answer: 'given',
			...da
		});
		expect(answer).toMatchObject({ ok: false, error: 'rate_limited' });
		expect(consentRequestCount(who('freja'), id('freja'))).toBe(1);

		// Noah gives (10 changes of his); peter co-signs and withdraws (20 of his).
		for (let i = 0; i < 10; i++) {
			await giveConsent(who('noah'), id('noah'), { recipient: 'department:ppr', ...da });
			const { giveRecordId } = parentConsentView(who('peter'), id('noah'), 'da')!.custodian!.waiting[0]!;
			expect(await cosignConsent(who('peter'), id('noah'), { giveRecordId, ...da })).toMatchObject({ changed: true });
			expect(await withdrawConsent(who('peter'), id('noah'), { recipient: 'department:ppr', ...da })).toMatchObject({ changed: true });
		}
		expect(await giveConsent(who('noah'), id('noah'), { recipient: 'department:ppr', ...da })).toMatchObject({ status: 'waiting_cosign' });
		const { giveRecordId } = parentConsentView(who('peter'), id('noah'), 'da')!.custodian!.waiting[0]!;
		expect(await cosignConsent(who('peter'), id('noah'), { giveRecordId, ...da })).toMatchObject({ error: 'rate_limited' });
		expect(await withdrawConsent(who('peter'), id('noah'), { recipient: 'department:ppr', ...da })).toMatchObject({ changed: true });
	});
});

describe('from 18 a parent link rests on the young person’s own consent, which they can take back with the link', () => {
	/** Karen, linked to amina (20) as a custody holder was linked before the rule (the link staff can no longer make). */
	function linkKarenToAmina() {
		db.insert(parentLinks)
			.values({
				id: 'karen-amina',
				parentId: id('karen'),
				youthId: id('amina'),
				custody: true,
				createdBy: id('lone'),
				createdAt: new Date()
			})
			.run();
	}
	const karenSeesAmina = () => ({
		profile: can(who('karen'), 'profile.read', id('amina')),
		plan: can(who('karen'), 'plan.read', id('amina')),
		view: parentConsentView(who('karen'), id('amina'), 'da') !== null
	});

	it('a parent linked to an adult sees nothing until the adult says yes, then only that', async () => {
		linkKarenToAmina();
		expect(karenSeesAmina()).toEqual({ profile: false, plan: false, view: false });
		expect((await giveConsent(who('amina'), id('amina'), { recipient: `parent:${id('karen')}`, kinds: ['plan'], ...da })).ok).toBe(true);
		expect(karenSeesAmina()).toEqual({ profile: true, plan: true, view: true });
		await withdrawConsent(who('amina'), id('amina'), { recipient: `parent:${id('karen')}`, ...da });
		expect(karenSeesAmina()).toEqual({ profile: false, plan: false, view: false });
	});

	it('the adult removes the link: on record as a withdrawal of everything, with the words shown; the parent is gone', async () => {
		linkKarenToAmina();
		await giveConsent(who('amina'), id('amina'), { recipient: `parent:${id('karen')}`, kinds: ['plan', 'guide'], ...da });
		const view = youthConsentView(who('amina'), id('amina'), 'da')!;
		const row = view.parents.find((p) => p.key === `parent:${id('karen')}`)!;
		expect(row.remove).toMatch(/Karen Nielsen/);

		expect(removeParentLink(who('amina'), id('amina'), { recipient: `parent:${id('karen')}`, ...da })).toEqual({
			ok: true,
			status: 'withdrawn',
			changed: true
		});
		const last = loadConsentRecords(id('amina')).at(-1)!;
		expect(last).toMatchObject({
			action: 'withdraw',
			recipientKind: 'parent',
			parentId: id('karen'),
			dataKinds: ['plan', 'guide', 'meetings'],
			actorId: id('amina'),
			wordingVersion: da.wording,
			wordingText: row.remove
		});
		expect(linkedParents(id('amina'))).toEqual([]);
		expect(karenSeesAmina()).toEqual({ profile: false, plan: false, view: false });
		expect(youthConsentView(who('amina'), id('amina'), 'da')!.parents).toEqual([]);
		// The history still says who she was and what happened.
		expect(consentHistory(who('amina'), id('amina'))!.at(-1)).toMatchObject({
			action: 'withdraw',
			recipient: { kind: 'parent', name: 'Karen Nielsen' }
		});
		// Gone means gone: nothing more to remove, nothing to give to.
		expect(removeParentLink(who('amina'), id('amina'), { recipient: `parent:${id('karen')}`, ...da })).toEqual({
			ok: false,
			error: 'recipient'
		});
		expect(await giveConsent(who('amina'), id('amina'), { recipient: `parent:${id('karen')}`, kinds: ['plan'], ...da })).toEqual({
			ok: false,
			error: 'recipient'
		});
	});

	it('under 18 the link is not the young person’s to remove, nor anyone else’s here', async () => {
		const before = recordCount('freja');
		expect(youthConsentView(who('freja'), id('freja'), 'da')!.parents.every((p) => p.remove === null)).toBe(true);
		for (const u of ['freja', 'karen', 'mette', 'lone'])
			expect(removeParentLink(who(u), id('freja'), { recipient: `parent:${id('karen')}`, ...da })).toEqual({
				ok: false,
				error: 'not_allowed'
			});
		linkKarenToAmina();
		for (const u of ['karen', 'jonas', 'lone'])
			expect(removeParentLink(who(u), id('amina'), { recipient: `parent:${id('karen')}`, ...da })).toEqual({
				ok: false,
				error: 'not_allowed'
			});
		expect(recordCount('freja')).toBe(before);
		expect(linkedParents(id('freja')).map((p) => p.displayName)).toEqual(['Karen Nielsen']);
		expect(linkedParents(id('amina')).map((p) => p.displayName)).toEqual(['Karen Nielsen']);
	});

	it('refuses a department, an unlinked parent and an old wording, and changes nothing', async () => {
		linkKarenToAmina();
		const before = recordCount('amina');
		expect(removeParentLink(who('amina'), id('amina'), { recipient: 'department:uu', ...da })).toEqual({ ok: false, error: 'recipient' });
		expect(removeParentLink(who('amina'), id('amina'), { recipient: `parent:${id('peter')}`, ...da })).toEqual({
			ok: false,
			error: 'recipient'
		});
		expect(
			removeParentLink(who('amina'), id('amina'), { recipient: `parent:${id('karen')}`, wording: 'consent-v0/da', locale: 'da' })
		).toEqual({
			ok: false,
			error: 'wording_changed'
		});
		expect(recordCount('amina')).toBe(before);
		expect(linkedParents(id('amina'))).toHaveLength(1);
	});
});

describe('a translated wording (issue 16)', () => {
	it('is its own version: the record names the language and version, and holds the words shown in that language', async () => {
		const ar = { wording: wordingVersionFor('ar'), locale: 'ar' as const };
		await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', ...da });
		expect(await giveConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', ...ar })).toMatchObject({ ok: true, status: 'active' });
		const last = loadConsentRecords(id('freja')).at(-1)!;
		expect(last.wordingVersion).toBe('consent-v2/ar');
		const view = youthConsentView(who('freja'), id('freja'), 'ar')!;
		const row = view.departments.find((r) => r.key === 'department:jobcenter')!;
		expect(last.wordingText).toBe(row.give);
		expect(row.give).toMatch(/[\u0600-\u06FF]/);
		// A form showing the Arabic wording cannot be recorded as the Danish one, nor the reverse.
		expect(await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', wording: wordingVersionFor('da'), locale: 'ar' })).toEqual({
			ok: false,
			error: 'wording_changed'
		});
	});

	it('shows the Danish wording, the legal one, beside each translation; a Danish page has none', () => {
		const danish = youthConsentView(who('freja'), id('freja'), 'da')!;
		expect(danish.departments.every((r) => r.legal === null)).toBe(true);
		for (const locale of ['en', 'ar', 'uk', 'tr', 'so', 'fa'] as const) {
			const view = youthConsentView(who('freja'), id('freja'), locale)!;
			expect(view.wording).toBe(`consent-v2/${locale}`);
			for (const [i, row] of view.departments.entries()) {
				expect(row.legal?.give, `${locale} ${row.key}`).toBe(danish.departments[i]!.give);
				expect(row.legal?.withdraw).toBe(danish.departments[i]!.withdraw);
				expect(row.give).not.toBe(danish.departments[i]!.give);
			}
		}
	});

	it('gives a custody holder the Danish co-signing wording beside the translation', async () => {
		await giveConsent(who('noah'), id('noah'), { recipient: 'department:uu', ...da });
		const danish = parentConsentView(who('peter'), id('noah'), 'da')!.custodian!;
		const farsi = parentConsentView(who('peter'), id('noah'), 'fa')!.custodian!;
		expect(danish.waiting[0]!.legalText).toBeNull();
		expect(farsi.waiting[0]!.legalText).toBe(danish.waiting[0]!.text);
		expect(farsi.waiting[0]!.text).not.toBe(danish.waiting[0]!.text);
		expect(farsi.wording).toBe('consent-v2/fa');
	});
});
