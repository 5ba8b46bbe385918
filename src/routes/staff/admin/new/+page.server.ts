import { fail } from '@sveltejs/kit';
import { authorizeGlobal } from '$lib/server/access';
import { createStaff } from '$lib/server/admin';
import { field } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['role', 'department', 'displayName', 'title', 'workplace', 'languages', 'capacity', 'signIn', 'externalLogin'];

export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'staff.manage');
	return {};
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const form = await request.formData();
		const values = Object.fromEntries(FIELDS.map((name) => [name, field(form, name)]));
		const result = createStaff(locals.user, values);
		if (!result.ok) return fail(400, { values, errors: result.errors, problem: result.problem ?? null });
		return {
			created: {
				userId: result.userId,
				name: values.displayName!,
				link: result.code ? `${url.origin}/invite/${result.code}` : null,
				expiresAt: result.expiresAt
			}
		};
	}
};
