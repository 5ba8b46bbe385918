import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { settings } from '../db/schema';
import { freshDemoDatabase } from '../testing';
import type { Db } from '../db';
import { publicInfo } from './notice';

let db: Db;

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('the public pages’ facts (issue 20)', () => {
	it('name the municipality as data controller and the youth unit’s contact from the settings', () => {
		const info = publicInfo();
		expect(info.municipality).toBe('Eksempel Kommune');
		const row = db.select().from(settings).where(eq(settings.id, 1)).get()!;
		expect(info.unit).toEqual({
			name: row.unitName,
			phone: row.unitPhone,
			address: row.unitAddress,
			email: row.unitEmail,
			openingHours: row.openingHours
		});
	});

	it('follow the settings the coordinator changes, on the next call', () => {
		db.update(settings)
			.set({ accessLogRetentionDays: 365, selfConsentAge: 16, unitName: 'Ungehuset', unitEmail: null })
			.where(eq(settings.id, 1))
			.run();
		const info = publicInfo();
		expect(info.accessLogRetentionDays).toBe(365);
		expect(info.selfConsentAge).toBe(16);
		expect(info.unit.name).toBe('Ungehuset');
		expect(info.unit.email).toBeNull();
	});

	it('give the periods the code keeps: a personal login 14 days unused, 60 at most; an invite 14 days', () => {
		expect(publicInfo()).toMatchObject({ sessionIdleDays: 14, sessionMaxDays: 60, inviteDays: 14 });
	});
});
