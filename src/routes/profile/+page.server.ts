import { fail } from '@sveltejs/kit';
import { authorizeGlobal } from '$lib/server/access';
import { changePassword } from '$lib/server/auth';
import { field } from '$lib/server/http';
import { myProfile, saveMyContact } from '$lib/server/people';
import { offersLinkedSignIns } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

/** A young person's or parent's own profile (issue 20): contact for the guide, language, password. */
export const load: PageServerLoad = ({ locals }) => {
	const profile = myProfile(locals.user);
	// myProfile refused anyone but a young person or parent: here there is one.
	return { profile, signIns: offersLinkedSignIns(locals.user!.id) };
};

export const actions: Actions = {
	saveContact: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { phone: field(form, 'phone'), email: field(form, 'email') };
		const result = saveMyContact(locals.user, values);
		if (!result.ok) return fail(400, { contact: { errors: result.errors, values } });
		return { contact: { saved: true as const } };
	},
	changePassword: async ({ request, locals }) => {
		authorizeGlobal(locals.user, 'profile.own');
		const form = await request.formData();
		// Passwords are taken as typed, spaces and all.
		const raw = (name: string) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : '';
		};
		const result = await changePassword(locals.user, locals.sessionId ?? '', {
			current: raw('current'),
			next: raw('password'),
			repeat: raw('repeat')
		});
		if (!result.ok) return fail(400, { password: { problem: result.problem } });
		return { password: { changed: true as const } };
	}
};
