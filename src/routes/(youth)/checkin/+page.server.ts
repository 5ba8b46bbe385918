import { fail } from '@sveltejs/kit';
import { answerCheckin, checkinOverview, myCheckin } from '$lib/server/followup';
import { field } from '$lib/server/http';
import { statusOverview } from '$lib/server/followup';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user!;
	return {
		checkin: myCheckin(user),
		overview: checkinOverview(user, user.id),
		status: statusOverview(user, user.id)
	};
};

export const actions: Actions = {
	answer: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { checkinId: field(form, 'checkinId'), score: field(form, 'score'), comment: field(form, 'comment') };
		const result = answerCheckin(locals.user, values);
		if (!result.ok) return fail(400, { error: result.error, values: { comment: values.comment } });
		// A low answer: who to call now and when the guide sees it (issue 20), shown without JavaScript too.
		return { answered: result.score, low: result.low };
	}
};
