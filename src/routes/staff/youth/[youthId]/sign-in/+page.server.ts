import { fail } from '@sveltejs/kit';
import { authorize, recordAccess } from '$lib/server/access';
import { field } from '$lib/server/http';
import { issueNewSignInCode, signInHelpTargets } from '$lib/server/people';
import type { Actions, PageServerLoad } from './$types';

/** Losing access (issue 19): a new single-use sign-in code for the young person or a linked parent. */
export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'signIn.reissue', params.youthId);
	recordAccess(locals.user, params.youthId, 'profile');
	return { youthId: params.youthId, targets: signInHelpTargets(locals.user, params.youthId) };
};

export const actions: Actions = {
	newCode: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const made = issueNewSignInCode(locals.user, params.youthId, field(form, 'person').slice(0, 64));
		if (!made) return fail(400, { error: 'gone' as const });
		return { made: { name: made.displayName, link: `${url.origin}/invite/${made.code}`, expiresAt: made.expiresAt } };
	}
};
