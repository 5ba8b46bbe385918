import { authorizeGlobal, globalRule } from '$lib/server/access/policy';
import { latestEventId } from '$lib/server/messages/conversations';
import { unreadCount } from '$lib/server/messages/inbox';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'area.staff');
	const messages = globalRule(locals.user, 'messages.use');
	return {
		staffNav: {
			requests: globalRule(locals.user, 'visitation.manage'),
			invites: globalRule(locals.user, 'invite.create'),
			outcomes: globalRule(locals.user, 'outcomes.read'),
			profile: globalRule(locals.user, 'guide.profile'),
			settings: globalRule(locals.user, 'settings.manage'),
			messages
		},
		messages: messages ? { eventCursor: latestEventId(), unread: unreadCount(locals.user) } : null
	};
};
