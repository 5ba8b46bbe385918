import { beforeEach, describe, expect, it } from 'vitest';
import { getISODay, parseISO } from 'date-fns';
import { demoUser, freshDemoDatabase } from '../testing';
import { getSettings } from '../settings';
import { updateSettings } from './settings';
import { visitationQueue } from '../guides';
import type { Db } from '../db';

let db: Db;
const who = (username: string) => demoUser(db, username);
const valid = {
	unitPhone: '70 10 20 99',
	unitAddress: 'Torvet 2, 4500 Eksempelby',
	unitEmail: '',
	openingHours: 'Mandag–fredag 9–14',
	visitationWeekday: '1',
	accessLogRetentionDays: '365'
};

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('the youth unit’s settings', () => {
	it('the coordinator changes them, and the visitation moves to the new weekday at once', () => {
		expect(getISODay(parseISO(visitationQueue(who('lone')).nextMeeting))).toBe(3);
		expect(updateSettings(who('lone'), valid)).toEqual({ ok: true });
		expect(getSettings()).toMatchObject({
			unitPhone: '70 10 20 99',
			unitAddress: 'Torvet 2, 4500 Eksempelby',
			unitEmail: null,
			openingHours: 'Mandag–fredag 9–14',
			visitationWeekday: 1,
			accessLogRetentionDays: 365,
			selfConsentAge: 15
		});
		expect(getISODay(parseISO(visitationQueue(who('lone')).nextMeeting))).toBe(1);
	});

	it('refuses bad values by field and changes nothing', () => {
		const before = getSettings();
		const result = updateSettings(who('lone'), {
			unitPhone: '12',
			unitAddress: 'x',
			unitEmail: 'ikke en adresse',
			openingHours: 'x'.repeat(201),
			visitationWeekday: '6',
			accessLogRetentionDays: '29'
		});
		expect(result).toEqual({
			ok: false,
			errors: ['unitPhone', 'unitAddress', 'unitEmail', 'openingHours', 'visitationWeekday', 'accessLogRetentionDays']
		});
		expect(updateSettings(who('lone'), { ...valid, accessLogRetentionDays: '3651' })).toEqual({
			ok: false,
			errors: ['accessLogRetentionDays']
		});
		expect(updateSettings(who('lone'), { ...valid, visitationWeekday: '2.5' })).toEqual({ ok: false, errors: ['visitationWeekday'] });
		expect(getSettings()).toEqual(before);
	});

	it('is for the coordinator alone', () => {
		for (const u of ['freja', 'karen', 'mette', 'ali']) {
			expect(() => updateSettings(who(u), valid)).toThrow();
		}
		expect(() => updateSettings(null, valid)).toThrow();
		expect(getSettings().unitPhone).toBe('70 10 20 30');
	});
});
