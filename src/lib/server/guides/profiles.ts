/** A guide's own profile: what young people see in the directory and on their guide card. */
import { z } from 'zod';
import { db } from '../db';
import { guideProfiles } from '../db/schema';
import { findGuide } from './directory';
import { authorizeGlobal, type Actor } from '../access';

const profileInput = z.object({
	title: z.string().trim().min(2).max(100),
	workplace: z.string().trim().max(150),
	background: z.string().trim().min(10).max(1000),
	languages: z
		.string()
		.transform((v) =>
			v
				.split(',')
				.map((l) => l.trim())
				.filter(Boolean)
		)
		.pipe(z.array(z.string().max(40)).min(1).max(8)),
	meetingPlaces: z.string().trim().max(300),
	availability: z.string().trim().max(300)
});

const FIELD_ERRORS = {
	title: 'title',
	workplace: 'workplace',
	background: 'background',
	languages: 'languages',
	meetingPlaces: 'meets',
	availability: 'when'
} as const;
export type ProfileError = (typeof FIELD_ERRORS)[keyof typeof FIELD_ERRORS];

/** The signed-in guide's profile as young people see it, with load and capacity. */
export function ownProfile(actor: Actor) {
	authorizeGlobal(actor, 'guide.profile');
	return findGuide(actor.id);
}

/** Saves the guide's own profile (capacity and whether they are listed are the coordinator's). */
export function updateOwnProfile(actor: Actor, raw: Record<string, string>): { ok: true } | { ok: false; errors: ProfileError[] } {
	authorizeGlobal(actor, 'guide.profile');
	const parsed = profileInput.safeParse(raw);
	if (!parsed.success) {
		const fields = new Set(parsed.error.issues.map((i) => FIELD_ERRORS[i.path[0] as keyof typeof FIELD_ERRORS] ?? 'title'));
		return { ok: false, errors: [...fields] };
	}
	const { workplace, ...rest } = parsed.data;
	const values = { ...rest, workplace: workplace || null };
	db()
		.insert(guideProfiles)
		.values({ userId: actor.id, ...values })
		.onConflictDoUpdate({ target: guideProfiles.userId, set: values })
		.run();
	return { ok: true };
}
