import { fail, type Action } from '@sveltejs/kit';
import { field } from '$lib/server/http';
import { currentGuide, guideDirectory, reachTimes } from '$lib/server/guides';
import { answerSuggestion, requestFields, sendRequest, withdrawRequest } from '$lib/server/guides';
import { handoverNews, markGuideNewsSeen, youthRequests } from '$lib/server/guides';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user!;
	const page = {
		guide: currentGuide(user, user.id),
		// When the guide's answer can be expected (issue 17) and when the unit is open: as on /messages (issue 20).
		reach: reachTimes(user, user.id),
		requests: youthRequests(user, user.id),
		directory: guideDirectory(user),
		// Read before the news is marked seen below.
		handover: handoverNews(user, user.id)
	};
	markGuideNewsSeen(user);
	return page;
};

const send =
	(kind: 'pick' | 'propose' | 'change'): Action =>
	async ({ request, locals }) => {
		const values = requestFields(await request.formData());
		const result = sendRequest(locals.user, locals.user!.id, kind, values);
		if (!result.ok) return fail(400, { kind, errors: result.errors, values });
		return { notice: 'sent' as const };
	};

const step =
	(notice: 'withdrawn' | 'accepted' | 'declined', run: (user: App.Locals['user'], requestId: string) => boolean): Action =>
	async ({ request, locals }) => {
		const requestId = field(await request.formData(), 'requestId');
		if (!run(locals.user, requestId)) return fail(409, { kind: 'action', errors: ['action'] });
		return { notice };
	};

export const actions: Actions = {
	pick: send('pick'),
	propose: send('propose'),
	change: send('change'),
	withdraw: step('withdrawn', (user, id) => withdrawRequest(user, id)),
	accept: step('accepted', (user, id) => answerSuggestion(user, id, true)),
	refuse: step('declined', (user, id) => answerSuggestion(user, id, false))
};
