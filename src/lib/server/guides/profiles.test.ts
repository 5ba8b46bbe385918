import { beforeEach, describe, expect, it } from 'vitest';
import { findGuide, guideDirectory } from './directory';
import { guideAnswerTime, ownProfile, reachTimes, ownWorkingTime, updateOwnProfile, updateWorkingTime, workingTimeOf } from './profiles';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

let db: Db;
beforeEach(async () => {
	db = await freshDemoDatabase();
});

const input = {
	title: 'Pædagog',
	workplace: 'Ungeenheden',
	background: 'Jeg træner fodbold og kender FGU godt.',
	languages: 'dansk, arabisk ,, engelsk',
	meetingPlaces: 'Ungeenheden',
	availability: 'Tirsdag–fredag'
};

describe('a guide’s own profile', () => {
	it('is saved and shown in the directory', () => {
		const jonas = demoUser(db, 'jonas');
		expect(updateOwnProfile(jonas, input)).toEqual({ ok: true });
		const listed = guideDirectory(demoUser(db, 'noah')).find((g) => g.id === jonas.id);
		expect(listed).toMatchObject({ background: input.background, languages: ['dansk', 'arabisk', 'engelsk'], capacity: 10 });
		expect(ownProfile(jonas)?.languages).toEqual(['dansk', 'arabisk', 'engelsk']);
	});

	it('is found by its own id, as the directory shows it, and never by an empty or unknown id', () => {
		const mette = demoUser(db, 'mette');
		const listed = guideDirectory(demoUser(db, 'noah')).find((g) => g.id === mette.id);
		expect(findGuide(mette.id, true)).toEqual(listed);
		expect(findGuide(mette.id)?.load).toBeGreaterThan(0);
		expect(findGuide('')).toBeNull();
		expect(findGuide('', true)).toBeNull();
		expect(findGuide('nobody')).toBeNull();
		expect(findGuide(demoUser(db, 'freja').id)).toBeNull();
	});

	it('refuses bad input field by field and changes nothing', () => {
		const jonas = demoUser(db, 'jonas');
		const before = ownProfile(jonas);
		expect(updateOwnProfile(jonas, { ...input, title: 'P', background: 'kort', languages: ' , ' })).toEqual({
			ok: false,
			errors: ['title', 'background', 'languages']
		});
		expect(ownProfile(jonas)).toEqual(before);
	});

	it('belongs to guides only', () => {
		for (const who of ['lone', 'freja', 'ali']) {
			let status: number | undefined;
			try {
				updateOwnProfile(demoUser(db, who), input);
			} catch (e) {
				status = (e as { status: number }).status;
			}
			expect(status).toBe(404);
		}
	});
});

const formOf = (fields: Record<string, string | string[]>) => {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
	return form;
};

describe('a guide’s working time', () => {
	it('starts as weekdays 9–15, not away; is saved from its form and read back', () => {
		const mette = demoUser(db, 'mette');
		expect(ownWorkingTime(mette)).toEqual({
			days: [1, 2, 3, 4, 5],
			from: '09:00',
			to: '15:00',
			awayFrom: null,
			awayUntil: null,
			awayText: null
		});
		const away = { awayFrom: '2026-12-21', awayUntil: '2027-01-02', awayText: 'På ferie til 2. januar – skriv til Ungeenheden' };
		expect(updateWorkingTime(mette, formOf({ days: ['2', '4', '1'], from: '08:00', to: '14:30', ...away }))).toEqual({ ok: true });
		expect(workingTimeOf(mette.id)).toEqual({ days: [1, 2, 4], from: '08:00', to: '14:30', ...away });
		// Back from holiday: the away fields emptied.
		expect(updateWorkingTime(mette, formOf({ days: '1', from: '08:00', to: '14:30', awayFrom: '', awayUntil: '', awayText: '' }))).toEqual({
			ok: true
		});
		expect(workingTimeOf(mette.id)).toMatchObject({ days: [1], awayFrom: null, awayUntil: null, awayText: null });
	});

	it('refuses a wrong form field by field and changes nothing', () => {
		const mette = demoUser(db, 'mette');
		const before = workingTimeOf(mette.id);
		expect(updateWorkingTime(mette, formOf({ from: '15:00', to: '09:00', awayFrom: '2027-01-05' }))).toEqual({
			ok: false,
			errors: ['days', 'to', 'awayUntil'],
			values: { days: [], from: '15:00', to: '09:00', awayFrom: '2027-01-05', awayUntil: null, awayText: null } // as typed, to show again
		});
		expect(workingTimeOf(mette.id)).toEqual(before);
	});

	it('belongs to guides only', () => {
		expect(() => ownWorkingTime(demoUser(db, 'freja'))).toThrow();
		expect(() => updateWorkingTime(demoUser(db, 'lone'), formOf({ days: '1', from: '09:00', to: '10:00' }))).toThrow();
	});
});

describe('when a young person can expect their guide to answer', () => {
	it('follows the guide’s working time and away period; without a guide there is none', () => {
		const mette = demoUser(db, 'mette');
		const freja = demoUser(db, 'freja');
		// Wednesday 3 December 2025, 10:30 in Copenhagen: working (the default weekdays 9–15).
		expect(guideAnswerTime(freja, freja.id, new Date('2025-12-03T09:30:00Z'))).toEqual({
			guideName: 'Mette Larsen',
			kind: 'working',
			at: null,
			text: null,
			unit: null
		});
		const text = 'På ferie til 2. januar – skriv til Ungeenheden';
		updateWorkingTime(
			mette,
			formOf({
				days: ['1', '2', '3', '4', '5'],
				from: '09:00',
				to: '15:00',
				awayFrom: '2025-12-01',
				awayUntil: '2026-01-02',
				awayText: text
			})
		);
		expect(guideAnswerTime(freja, freja.id, new Date('2025-12-03T09:30:00Z'))).toEqual({
			guideName: 'Mette Larsen',
			kind: 'away',
			at: '2026-01-05T08:00:00.000Z',
			text,
			unit: { name: 'Ungeenheden', phone: '70 10 20 30' }
		});
		// Back, on Saturday 6 December 2025 at 13:00: from the next working start, Monday at 9.
		updateWorkingTime(mette, formOf({ days: ['1', '2', '3', '4', '5'], from: '09:00', to: '15:00' }));
		expect(guideAnswerTime(freja, freja.id, new Date('2025-12-06T12:00:00Z'))).toEqual({
			guideName: 'Mette Larsen',
			kind: 'next',
			at: '2025-12-08T08:00:00.000Z',
			text: null,
			unit: null
		});
		const noah = demoUser(db, 'noah');
		expect(guideAnswerTime(noah, noah.id)).toBeNull();
		expect(() => guideAnswerTime(noah, freja.id)).toThrow(); // not his to read
	});
});

describe('when a young person can reach someone (issue 20)', () => {
	it('is the guide’s answer time and the youth unit’s opening hours, one answer for /guide and /messages', () => {
		const freja = demoUser(db, 'freja');
		const noah = demoUser(db, 'noah');
		const now = new Date('2025-12-03T09:30:00Z');
		const unit = { name: 'Ungeenheden', phone: '70 10 20 30', openingHours: 'Mandag–torsdag 9–15, fredag 9–13' };
		expect(reachTimes(freja, freja.id, now)).toEqual({ answer: guideAnswerTime(freja, freja.id, now), unit });
		expect(reachTimes(freja, freja.id, now).answer?.kind).toBe('working');
		// Without a guide the youth unit answers, in its opening hours.
		expect(reachTimes(noah, noah.id, now)).toEqual({ answer: null, unit });
		expect(() => reachTimes(noah, freja.id, now)).toThrow(); // not his to read
	});
});
