import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { format, subDays } from 'date-fns';
import { consentRecords, parentLinks, users, type ConsentRecord, type DataKind, type Department } from '../db/schema';
import {
	consentYouth,
	currentConsentStates,
	deriveConsentStates,
	loadConsentRecords,
	parseRecipientKey,
	recipientKey
} from './consent-state';
import { cosignConsent, giveConsent, setConsentRateLimit, withdrawConsent } from '../consent';
import { wordingVersionFor } from '../consent';
import { ageOn } from '../dates';
import { newId } from '../ids';
import { can } from './guard';
import { freshDemoDatabase } from '../testing';
import type { SessionUser } from '../auth';
import type { Db } from '../db';

const da = { wording: wordingVersionFor('da'), locale: 'da' as const };

// ---- Derivation from records (pure) ----------------------------------------------------------

let seq = 0;
const record = (r: Partial<ConsentRecord> & Pick<ConsentRecord, 'action' | 'actorId' | 'createdAt'>): ConsentRecord => ({
	id: `r${++seq}`,
	youthId: 'y',
	recipientKind: 'department',
	department: 'uu',
	parentId: null,
	dataKinds: ['plan'],
	purpose: 'p',
	wordingVersion: 'v',
	wordingText: 't',
	cosignOf: null,
	...r
});
const at = (iso: string) => new Date(iso);

describe('deriving the state from the records', () => {
	const youth = { id: 'y', birthDate: '2011-03-10' };

	it('a give from the self-consent age is in force at once', () => {
		const states = deriveConsentStates([record({ action: 'give', actorId: 'y', createdAt: at('2026-05-01T10:00:00Z') })], youth, 15);
		expect(states.get('department:uu')).toMatchObject({ status: 'active', dataKinds: ['plan'] });
	});

	it('a give under the self-consent age waits; the co-sign of that give makes it active', () => {
		const give = record({ action: 'give', actorId: 'y', createdAt: at('2025-05-01T10:00:00Z') });
		expect(deriveConsentStates([give], youth, 15).get('department:uu')?.status).toBe('waiting_cosign');
		const wrongCosign = record({ action: 'cosign', actorId: 'p', cosignOf: 'elsewhere', createdAt: at('2025-05-02T10:00:00Z') });
		expect(deriveConsentStates([give, wrongCosign], youth, 15).get('department:uu')?.status).toBe('waiting_cosign');
		const cosign = record({ action: 'cosign', actorId: 'p', cosignOf: give.id, createdAt: at('2025-05-02T10:00:00Z') });
		expect(deriveConsentStates([give, cosign], youth, 15).get('department:uu')).toMatchObject({ status: 'active', lastActorId: 'p' });
	});

	it('a co-sign of an older give does not revive it after a withdrawal and a new give', () => {
		const give1 = record({ action: 'give', actorId: 'y', createdAt: at('2025-05-01T10:00:00Z') });
		const stop = record({ action: 'withdraw', actorId: 'y', createdAt: at('2025-05-01T11:00:00Z') });
		const give2 = record({ action: 'give', actorId: 'y', createdAt: at('2025-05-01T12:00:00Z') });
		const lateCosign = record({ action: 'cosign', actorId: 'p', cosignOf: give1.id, createdAt: at('2025-05-01T13:00:00Z') });
		expect(deriveConsentStates([give1, stop, give2, lateCosign], youth, 15).get('department:uu')?.status).toBe('waiting_cosign');
	});

	it('a withdrawal by a custody holder takes effect like the young person’s own', () => {
		const give = record({ action: 'give', actorId: 'y', createdAt: at('2025-05-01T10:00:00Z') });
		const cosign = record({ action: 'cosign', actorId: 'p', cosignOf: give.id, createdAt: at('2025-05-02T10:00:00Z') });
		const stop = record({ action: 'withdraw', actorId: 'p', createdAt: at('2025-05-03T10:00:00Z') });
		expect(deriveConsentStates([give, cosign, stop], youth, 15).get('department:uu')).toMatchObject({
			status: 'withdrawn',
			lastActorId: 'p'
		});
	});

	it('a parent consent needs no co-signature at any age', () => {
		const give = record({
			action: 'give',
			actorId: 'y',
			recipientKind: 'parent',
			department: null,
			parentId: 'p',
			createdAt: at('2025-05-01T10:00:00Z')
		});
		expect(deriveConsentStates([give], youth, 15).get('parent:p')?.status).toBe('active');
	});

	it('reads recipient keys back, and refuses malformed ones', () => {
		expect(parseRecipientKey('department:ppr')).toEqual({ kind: 'department', department: 'ppr' });
		expect(parseRecipientKey('parent:abc123')).toEqual({ kind: 'parent', parentId: 'abc123' });
		for (const bad of ['', 'department:', 'department:police', 'parent:', 'parent:a:b', 'parent:A B', 'teacher:x']) {
			expect(parseRecipientKey(bad)).toBeNull();
		}
	});
});

describe('the 15th birthday in Europe/Copenhagen time', () => {
	const youth = { id: 'y', birthDate: '2011-03-10' };
	const giveAt = (iso: string) =>
		deriveConsentStates([record({ action: 'give', actorId: 'y', createdAt: at(iso) })], youth, 15).get('department:uu')?.status;

	it('winter time: the birthday starts at 23:00 UTC the evening before', () => {
		expect(giveAt('2026-03-09T22:59:59.999Z')).toBe('waiting_cosign'); // 23:59:59 on 9 March in Copenhagen
		expect(giveAt('2026-03-09T23:00:00.000Z')).toBe('active'); // 00:00 on 10 March in Copenhagen
	});

	it('summer time: the birthday starts at 22:00 UTC the evening before', () => {
		const summer = { id: 'y', birthDate: '2011-07-01' };
		const s = (iso: string) =>
			deriveConsentStates([record({ action: 'give', actorId: 'y', createdAt: at(iso) })], summer, 15).get('department:uu')?.status;
		expect(s('2026-06-30T21:59:59.999Z')).toBe('waiting_cosign');
		expect(s('2026-06-30T22:00:00.000Z')).toBe('active');
	});

	it('a birthday on 29 February counts from 1 March in other years', () => {
		expect(ageOn('2012-02-29', at('2027-02-28T12:00:00Z'))).toBe(14);
		expect(ageOn('2012-02-29', at('2027-03-01T12:00:00Z'))).toBe(15);
	});

	it('follows the self-consent age setting', () => {
		expect(
			deriveConsentStates([record({ action: 'give', actorId: 'y', createdAt: at('2026-05-01T10:00:00Z') })], youth, 16).get('department:uu')
				?.status
		).toBe('waiting_cosign');
	});
});

// ---- Random sequences against a simple model (fast-check) -----------------------------------

type Command =
	| { type: 'give'; department: Department }
	| { type: 'giveParent'; kinds: DataKind[] }
	| { type: 'withdraw'; target: 'uu' | 'jobcenter' | 'parent' }
	| { type: 'custodianWithdraw'; department: Department }
	| { type: 'cosign'; department: Department }
	| { type: 'wait'; days: number };

const department = fc.constantFrom<Department>('uu', 'jobcenter');
const command: fc.Arbitrary<Command> = fc.oneof(
	fc.record({ type: fc.constant('give' as const), department }),
	fc.record({ type: fc.constant('giveParent' as const), kinds: fc.subarray<DataKind>(['plan', 'guide', 'meetings'], { minLength: 1 }) }),
	fc.record({ type: fc.constant('withdraw' as const), target: fc.constantFrom('uu' as const, 'jobcenter' as const, 'parent' as const) }),
	fc.record({ type: fc.constant('custodianWithdraw' as const), department }),
	fc.record({ type: fc.constant('cosign' as const), department }),
	fc.record({ type: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 200 }) })
);

interface ModelState {
	status: 'none' | 'active' | 'waiting_cosign' | 'withdrawn';
	kinds: DataKind[];
}

describe('consent state: random sequences against a model', () => {
	let db: Db;
	beforeAll(async () => {
		db = await freshDemoDatabase();
		// The model knows nothing of the limit on changes per minute (consent/changes.test.ts has it).
		setConsentRateLimit(1_000_000);
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	const person = (role: SessionUser['role'], extra: Partial<SessionUser> = {}): SessionUser => {
		const u: SessionUser = {
			id: newId(),
			username: `u${newId(6)}`,
			displayName: `Test ${role}`,
			role,
			department: null,
			birthDate: null,
			...extra
		};
		db.insert(users)
			.values({ id: u.id, username: u.username, displayName: u.displayName, role, department: u.department, birthDate: u.birthDate })
			.run();
		return u;
	};

	it('access ⇔ a consent in force; every change has one record; withdrawal is never blocked', async () => {
		const start = new Date('2026-01-10T10:00:00Z');
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 13 * 365, max: 16 * 365 }),
				fc.array(command, { minLength: 1, maxLength: 25 }),
				async (ageDays, commands) => {
					vi.useFakeTimers({ toFake: ['Date'] });
					let now = start;
					vi.setSystemTime(now);
					const youth = person('youth', { birthDate: format(subDays(new Date('2026-01-10T12:00:00Z'), ageDays), 'yyyy-MM-dd') });
					const custodian = person('parent');
					db.insert(parentLinks).values({ id: newId(), parentId: custodian.id, youthId: youth.id, custody: true }).run();
					const caseworkers = {
						uu: person('caseworker', { department: 'uu' }),
						jobcenter: person('caseworker', { department: 'jobcenter' })
					};
					const model = new Map<string, ModelState>();
					const get = (key: string) => model.get(key) ?? { status: 'none', kinds: [] };
					const underAge = () => ageOn(youth.birthDate!, now) < 15;
					const inForce = (s: ModelState) => s.status === 'active' || s.status === 'waiting_cosign';
					const parentKey = `parent:${custodian.id}`;

					for (const c of commands) {
						const before = loadConsentRecords(youth.id).length;
						let expectChange = false;
						if (c.type === 'wait') {
							now = new Date(now.getTime() + c.days * 86_400_000);
							vi.setSystemTime(now);
						} else if (c.type === 'give') {
							const key = `department:${c.department}`;
							const prev = get(key);
							const next: ModelState =
								prev.status === 'active'
									? prev
									: { status: underAge() ? 'waiting_cosign' : 'active', kinds: ['plan', 'guide', 'meetings'] };
							expectChange = prev.status !== next.status;
							expect(await giveConsent(youth, youth.id, { recipient: key, ...da })).toEqual({
								ok: true,
								status: next.status,
								changed: expectChange
							});
							model.set(key, next);
						} else if (c.type === 'giveParent') {
							const prev = get(parentKey);
							const kinds = (['plan', 'guide', 'meetings'] as const).filter((k) => c.kinds.includes(k));
							expectChange = !(prev.status === 'active' && prev.kinds.join() === kinds.join());
							expect(await giveConsent(youth, youth.id, { recipient: parentKey, kinds, ...da })).toMatchObject({
								ok: true,
								changed: expectChange
							});
							model.set(parentKey, { status: 'active', kinds });
						} else if (c.type === 'withdraw') {
							const key = c.target === 'parent' ? parentKey : `department:${c.target}`;
							expectChange = inForce(get(key));
							// The young person's withdrawal is never refused.
							expect(await withdrawConsent(youth, youth.id, { recipient: key, ...da })).toMatchObject({ ok: true, changed: expectChange });
							if (expectChange) model.set(key, { status: 'withdrawn', kinds: get(key).kinds });
						} else if (c.type === 'custodianWithdraw') {
							const key = `department:${c.department}`;
							const result = await withdrawConsent(custodian, youth.id, { recipient: key, ...da });
							if (!underAge()) expect(result).toEqual({ ok: false, error: 'not_allowed' });
							else {
								expectChange = inForce(get(key));
								expect(result).toMatchObject({ ok: true, changed: expectChange });
								if (expectChange) model.set(key, { status: 'withdrawn', kinds: get(key).kinds });
							}
						} else {
							const key = `department:${c.department}`;
							const waiting = [...currentConsentStates(consentYouth(youth.id)!).values()].find(
								(s) => recipientKey(s.recipient) === key && s.status === 'waiting_cosign'
							);
							const result = await cosignConsent(custodian, youth.id, { giveRecordId: waiting?.giveRecordId ?? 'none', ...da });
							if (!underAge()) expect(result).toEqual({ ok: false, error: 'not_allowed' });
							else if (get(key).status !== 'waiting_cosign') expect(result).toEqual({ ok: false, error: 'not_waiting' });
							else {
								expectChange = true;
								expect(result).toEqual({ ok: true, status: 'active', changed: true });
								model.set(key, { ...get(key), status: 'active' });
							}
						}

						// Every change appends exactly one record; anything else appends none.
						expect(loadConsentRecords(youth.id).length).toBe(before + (expectChange ? 1 : 0));
						// The derived state is the model's, and access follows it on the very next check.
						const states = currentConsentStates(consentYouth(youth.id)!);
						for (const d of ['uu', 'jobcenter'] as const) {
							const m = get(`department:${d}`);
							expect(states.get(`department:${d}`)?.status ?? 'none').toBe(m.status);
							expect(can(caseworkers[d], 'plan.read', youth.id)).toBe(m.status === 'active');
							expect(can(caseworkers[d], 'profile.read', youth.id)).toBe(m.status === 'active');
						}
						const p = get(parentKey);
						expect(can(custodian, 'plan.read', youth.id)).toBe(p.status === 'active' && p.kinds.includes('plan'));
						expect(can(custodian, 'meetings.read', youth.id)).toBe(p.status === 'active' && p.kinds.includes('meetings'));
						expect(can(custodian, 'messages.read', youth.id)).toBe(false);
					}
					vi.useRealTimers();
				}
			),
			{ numRuns: 40 }
		);
		// Sanity: the runs really did write records.
		expect(db.select().from(consentRecords).all().length).toBeGreaterThan(10);
	}, 90_000);
});
