import { fail } from '@sveltejs/kit';
import { listCaseloadPage } from '$lib/server/plan';
import { lowAnswersWithoutFollowUp, markFollowedUp } from '$lib/server/followup';
import { field } from '$lib/server/http';
import { readCaseloadQuery } from '$lib/shared/caseload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = locals.user!;
	return {
		role: user.role,
		department: user.department,
		list: listCaseloadPage(user, readCaseloadQuery(url.searchParams)),
		// The coordinator's "Lave svar uden opfølgning" (issue 20); null for everyone else.
		lowAnswers: lowAnswersWithoutFollowUp(user)
	};
};

export const actions: Actions = {
	/** "Talt med hende/ham" from the coordinator's list of low answers (issue 20). */
	followedUp: async ({ request, locals }) => {
		const youthId = field(await request.formData(), 'youthId');
		const result = markFollowedUp(locals.user, youthId);
		if (!result.ok) return fail(400, { action: 'followedUp' as const, error: result.error });
		return { action: 'followedUp' as const, ok: true };
	}
};
