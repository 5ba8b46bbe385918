import { error, redirect } from '@sveltejs/kit';
import { openConversation } from '$lib/server/messages';
import { guideAnswerTime } from '$lib/server/guides';
import { markReadFromForm, sendFromForm } from '$lib/server/messages';
import { newId } from '$lib/server/ids';
import { getSettings } from '$lib/server/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	// After the layout: its stream cursor is older than this snapshot, so nothing falls between.
	await parent();
	const user = locals.user!;
	const conversation = openConversation(user, user.id);
	if (!conversation) error(404, 'not_found');
	const { unitName, openingHours } = getSettings();
	// When the guide's answer can be expected; while they are away, where to turn instead (issue 17).
	const answer = guideAnswerTime(user, user.id);
	return { conversation, answer, unit: { name: unitName, openingHours }, clientId: newId() };
};

export const actions: Actions = {
	send: async ({ locals, request, url }) => {
		const failed = await sendFromForm(locals.user!, locals.user!.id, request);
		if (failed) return failed;
		redirect(303, url.pathname);
	},
	markRead: ({ locals, request }) => markReadFromForm(locals.user!, request)
};
