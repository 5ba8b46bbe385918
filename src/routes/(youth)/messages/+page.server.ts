import { error, redirect } from '@sveltejs/kit';
import { openConversation } from '$lib/server/messages';
import { reachTimes } from '$lib/server/guides';
import { markReadFromForm, sendFromForm } from '$lib/server/messages';
import { newId } from '$lib/server/ids';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	// After the layout: its stream cursor is older than this snapshot, so nothing falls between.
	await parent();
	const user = locals.user!;
	const conversation = openConversation(user, user.id);
	if (!conversation) error(404, 'not_found');
	// When the guide's answer can be expected (issue 17) and when the unit is open: the same as on /guide (issue 20).
	const reach = reachTimes(user, user.id);
	return { conversation, reach, clientId: newId() };
};

export const actions: Actions = {
	send: async ({ locals, request, url }) => {
		const failed = await sendFromForm(locals.user!, locals.user!.id, request);
		if (failed) return failed;
		redirect(303, url.pathname);
	},
	markRead: ({ locals, request }) => markReadFromForm(locals.user!, request)
};
