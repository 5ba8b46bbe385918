import { error, fail } from '@sveltejs/kit';
import { field } from '$lib/server/http';
import { ownProfile, ownWorkingTime, updateOwnProfile, updateWorkingTime } from '$lib/server/guides';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const profile = ownProfile(locals.user);
	if (!profile) error(404, 'not_found');
	return { profile, workingTime: ownWorkingTime(locals.user) };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const form = await request.formData();
		const values = Object.fromEntries(
			['title', 'workplace', 'background', 'languages', 'meetingPlaces', 'availability'].map((name) => [name, field(form, name)])
		);
		const result = updateOwnProfile(locals.user, values);
		if (!result.ok) return fail(400, { errors: result.errors, values });
		return { saved: true };
	},
	workingTime: async ({ request, locals }) => {
		const form = await request.formData();
		const result = updateWorkingTime(locals.user, form);
		if (!result.ok) return fail(400, { workingTime: { errors: result.errors, values: result.values } });
		return { workingTime: { saved: true } };
	}
};
