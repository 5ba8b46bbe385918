import { listInbox } from '$lib/server/messages';
import { markReadFromForm } from '$lib/server/messages';
import { authorizeGlobal, canGlobal } from '$lib/server/access';
import { getSettings } from '$lib/server/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'messages.use');
	return {
		inbox: listInbox(locals.user),
		unit: canGlobal(locals.user, 'unitInbox.read') ? getSettings().unitName : null
	};
};

export const actions: Actions = {
	markRead: ({ locals, request }) => {
		authorizeGlobal(locals.user, 'messages.use');
		return markReadFromForm(locals.user, request);
	}
};
