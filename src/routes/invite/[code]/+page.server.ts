import { fail } from '@sveltejs/kit';
import { acceptInvite, inviteFor } from '$lib/server/people';
import { field } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	return { invite: inviteFor(params.code) };
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const form = await request.formData();
		const username = field(form, 'username').slice(0, 100);
		const password = typeof form.get('password') === 'string' ? String(form.get('password')) : '';
		const repeat = typeof form.get('repeat') === 'string' ? String(form.get('repeat')) : '';
		if (password !== repeat) return fail(400, { username, error: 'mismatch' as const });
		const result = await acceptInvite(params.code, {
			username,
			password: password.slice(0, 1000)
		});
		if (!result.ok) return fail(400, { username, error: result.problem });
		return { done: true as const };
	}
};
