import { listInbox } from '$lib/server/messages/inbox';
import { markReadFromForm } from '$lib/server/messages/http';
import { authorizeGlobal, globalRule } from '$lib/server/access/policy';
import { getSettings } from '$lib/server/settings/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'messages.use');
	return {
		inbox: listInbox(locals.user),
		unit: globalRule(locals.user, 'unitInbox.read') ? getSettings().unitName : null
	};
};

export const actions: Actions = {
	markRead: ({ locals, request }) => {
		authorizeGlobal(locals.user, 'messages.use');
		return markReadFromForm(locals.user, request);
	}
};
