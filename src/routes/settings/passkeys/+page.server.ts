import { fail } from '@sveltejs/kit';
import { authorizeGlobal } from '$lib/server/access';
import { field } from '$lib/server/http';
import { listPasskeys, removePasskey } from '$lib/server/passkeys';
import type { Actions, PageServerLoad } from './$types';

/** "Use this phone's screen lock" (issue 19): one's own passkeys, added here and removed here. */
export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'passkeys.own');
	return { passkeys: listPasskeys(locals.user) };
};

export const actions: Actions = {
	remove: async ({ request, locals }) => {
		authorizeGlobal(locals.user, 'passkeys.own');
		const form = await request.formData();
		if (!removePasskey(locals.user, field(form, 'passkey'))) return fail(400, { error: 'gone' as const });
		return { removed: true as const };
	}
};
