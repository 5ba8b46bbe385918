import { authorizeGlobal, canGlobal } from '$lib/server/access';
import { latestEventId } from '$lib/server/messages';
import { unreadCount } from '$lib/server/messages';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'area.staff');
	const messages = canGlobal(locals.user, 'messages.use');
	return {
		staffNav: {
			requests: canGlobal(locals.user, 'visitation.manage'),
			invites: canGlobal(locals.user, 'invite.create'),
			outcomes: canGlobal(locals.user, 'outcomes.read'),
			profile: canGlobal(locals.user, 'guide.profile'),
			settings: canGlobal(locals.user, 'settings.manage'),
			admin: canGlobal(locals.user, 'staff.manage'),
			messages
		},
		messages: messages ? { eventCursor: latestEventId(), unread: unreadCount(locals.user) } : null
	};
};
