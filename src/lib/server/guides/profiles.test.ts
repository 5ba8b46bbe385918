import { beforeEach, describe, expect, it } from 'vitest';
import { guideDirectory } from './directory';
import { ownProfile, updateOwnProfile } from './profiles';
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
