import { error, fail, type Action } from '@sveltejs/kit';
import { guidesForVisitation } from '$lib/server/guides';
import { approveRequest, declineRequest, requestForDecision, suggestGuide, type DecisionResult } from '$lib/server/guides';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const item = requestForDecision(locals.user, params.requestId);
	if (!item) error(404, 'not_found');
	return { item, guides: guidesForVisitation(locals.user) };
};

type Decide = (user: App.Locals['user'], requestId: string, raw: Record<string, string>) => DecisionResult;

const decision =
	(name: 'approve' | 'decline' | 'suggest', decide: Decide): Action<{ requestId: string }> =>
	async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const values = Object.fromEntries(
			['assign', 'guideId', 'message', 'reason', 'overrideReason', 'inviteName', 'inviteTitle', 'inviteWorkplace'].map((key) => {
				const value = form.get(key);
				return [key, typeof value === 'string' ? value.trim() : ''];
			})
		);
		const result = decide(locals.user, params.requestId, values);
		if (!result.ok) return fail(400, { decision: name, error: result.error, values });
		return { decided: name, link: result.inviteCode ? `${url.origin}/invite/${result.inviteCode}` : null };
	};

export const actions: Actions = {
	approve: decision('approve', (user, id, raw) => approveRequest(user, id, raw)),
	decline: decision('decline', (user, id, raw) => declineRequest(user, id, raw)),
	suggest: decision('suggest', (user, id, raw) => suggestGuide(user, id, raw))
};
