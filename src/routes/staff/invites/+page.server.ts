import { fail } from '@sveltejs/kit';
import { field } from '$lib/server/http';
import { inviteNewPerson, parentInviteTargets } from '$lib/server/people';
import { authorizeGlobal } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'invite.create');
	return { youth: parentInviteTargets(locals.user) };
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const form = await request.formData();
		const values = {
			role: field(form, 'role'),
			displayName: field(form, 'displayName'),
			birthDate: field(form, 'birthDate'),
			linkYouthId: field(form, 'linkYouthId'),
			custody: form.get('custody') === 'on'
		};
		const result = inviteNewPerson(locals.user, values);
		if (!result.ok) return fail(400, { values, error: result.error });
		return { link: `${url.origin}/invite/${result.code}` };
	}
};
