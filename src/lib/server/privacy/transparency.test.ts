import { beforeEach, describe, expect, it } from 'vitest';
import { recordAccess } from '../access';
import { withdrawConsent } from '../consent';
import { wordingVersionFor } from '../consent';
import { parentConsentView, staffConsentView } from '../consent';
import { exportMyData, whoHasLooked } from './transparency';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

let db: Db;
const who = (username: string) => demoUser(db, username);
const id = (username: string) => who(username).id;

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('who has looked at my data', () => {
	it('lists reads by others with role, department, what and when, newest first', () => {
		expect(whoHasLooked(who('freja'), id('freja'))).toEqual([]);
		recordAccess(who('mette'), id('freja'), 'plan');
		recordAccess(who('ali'), id('freja'), 'profile');
		recordAccess(who('freja'), id('freja'), 'plan'); // her own reads are not logged
		recordAccess(who('ali'), id('amina'), 'plan'); // someone else's log
		const log = whoHasLooked(who('freja'), id('freja'))!;
		expect(log).toHaveLength(2);
		expect(log[0]).toMatchObject({ name: 'Ali Demir', role: 'caseworker', department: 'jobcenter', resource: 'profile' });
		expect(log[0]!.createdAt).toBeInstanceOf(Date);
		expect(log[1]).toMatchObject({ name: 'Mette Larsen', role: 'guide', department: null, resource: 'plan' });
	});

	it('includes staff and custody holders reading the consents, not a parent who only sees what is shared', () => {
		expect(staffConsentView(who('mette'), id('freja'), 'da')).not.toBeNull();
		expect(parentConsentView(who('peter'), id('noah'), 'da')?.custodian).not.toBeNull();
		expect(parentConsentView(who('karen'), id('freja'), 'da')?.custodian).toBeNull(); // freja is 17: nothing to co-sign
		expect(whoHasLooked(who('freja'), id('freja'))!.map((e) => [e.name, e.resource])).toEqual([['Mette Larsen', 'consent']]);
		expect(whoHasLooked(who('noah'), id('noah'))!.map((e) => [e.name, e.resource])).toEqual([['Peter Jensen', 'consent']]);
	});

	it('is for the young person alone', () => {
		for (const u of ['mette', 'karen', 'ali', 'lone', 'amina']) expect(whoHasLooked(who(u), id('freja'))).toBeNull();
		expect(whoHasLooked(null, id('freja'))).toBeNull();
	});
});

describe('download my data', () => {
	it('holds everything about the young person, and no secrets', async () => {
		recordAccess(who('ali'), id('freja'), 'plan');
		await withdrawConsent(who('freja'), id('freja'), { recipient: 'department:jobcenter', wording: wordingVersionFor('da'), locale: 'da' });
		const data = JSON.parse(JSON.stringify(exportMyData(who('freja'), id('freja'))));
		expect(data.profile).toMatchObject({ username: 'freja', displayName: 'Freja Nielsen' });
		expect(data.profile).not.toHaveProperty('passwordHash');
		expect(JSON.stringify(data)).not.toContain('$argon2');
		expect(data.plan.goalText).toContain('tømrerlærling');
		expect(data.plan.steps).toHaveLength(5);
		expect(data.plan.meetings).toHaveLength(2);
		expect(data.plan.history.length).toBeGreaterThan(0);
		expect(data.consent.records.map((r: { action: string }) => r.action)).toEqual(['give', 'give', 'give', 'withdraw']);
		expect(data.messages.messages).toHaveLength(3);
		expect(data.guides.assignments).toHaveLength(1);
		expect(data.parents).toHaveLength(1);
		expect(data.accessLog).toHaveLength(1);
		expect(data.people[id('ali')]).toMatchObject({ name: 'Ali Demir', role: 'caseworker', department: 'jobcenter' });
		expect(data).toHaveProperty('checkins');
		expect(data).toHaveProperty('statusHistory');
	});

	it('is for the young person alone and holds nothing about others', () => {
		for (const u of ['mette', 'karen', 'ali', 'lone']) expect(exportMyData(who(u), id('freja'))).toBeNull();
		const amina = JSON.stringify(exportMyData(who('amina'), id('amina')));
		expect(amina).not.toContain('Freja');
		expect(amina).not.toContain('tømrerlærling');
	});
});
