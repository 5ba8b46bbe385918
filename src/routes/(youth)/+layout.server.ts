import { redirect } from '@sveltejs/kit';
import { authorizeGlobal, globalRule, homeFor } from '$lib/server/policy';
import { latestEventId } from '$lib/server/conversations';
import { unreadCount } from '$lib/server/inbox';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	// Someone else who opens the front page is taken to their own home.
	if (locals.user && url.pathname === '/' && !globalRule(locals.user, 'area.youth')) {
		redirect(303, homeFor(locals.user.role));
	}
	authorizeGlobal(locals.user, 'area.youth');
	return { eventCursor: latestEventId(), unreadMessages: unreadCount(locals.user) };
};
