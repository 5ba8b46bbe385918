import { fail } from '@sveltejs/kit';
import { authorizeGlobal } from '$lib/server/access';
import { field } from '$lib/server/http';
import { listLinkedSignIns, removeLinkedSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

/** A young person's or parent's linked sign-ins (UNI-Login, MitID …): see them and remove one (issue 19). */
export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'profile.own');
	return listLinkedSignIns(locals.user.id);
};

export const actions: Actions = {
	remove: async ({ request, locals }) => {
		authorizeGlobal(locals.user, 'profile.own');
		const form = await request.formData();
		const result = removeLinkedSignIn(locals.user.id, field(form, 'link').slice(0, 64));
		if (!result.ok) return fail(400, { error: result.problem });
		return { removed: true as const };
	}
};
