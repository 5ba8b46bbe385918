import { error, redirect } from '@sveltejs/kit';
import { openConversation } from '$lib/server/messages';
import { markReadFromForm, sendFromForm } from '$lib/server/messages';
import { newId } from '$lib/server/ids';
import { getYouthSummary } from '$lib/server/people';
import { authorize, can } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent }) => {
	// After the layout: its stream cursor is older than this snapshot, so nothing falls between.
	await parent();
	authorize(locals.user, 'messages.read', params.youthId);
	const conversation = openConversation(locals.user, params.youthId);
	const youth = getYouthSummary(locals.user, params.youthId);
	if (!conversation || !youth) error(404, 'not_found');
	return {
		conversation,
		youth: { id: youth.id, displayName: youth.displayName },
		clientId: newId(),
		// Back to the young person's page, when the policy lets the viewer open it.
		youthPage: can(locals.user, 'profile.read', params.youthId)
	};
};

export const actions: Actions = {
	send: async ({ locals, params, request, url }) => {
		authorize(locals.user, 'messages.send', params.youthId);
		const failed = await sendFromForm(locals.user, params.youthId, request);
		if (failed) return failed;
		redirect(303, url.pathname);
	},
	markRead: ({ locals, params, request }) => {
		authorize(locals.user, 'messages.read', params.youthId);
		return markReadFromForm(locals.user, request);
	}
};
