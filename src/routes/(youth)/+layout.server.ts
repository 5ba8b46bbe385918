import { redirect } from '@sveltejs/kit';
import { unseenGuideNews } from '$lib/server/guides/request-views';
import { authorizeGlobal, globalRule, homeFor } from '$lib/server/access/policy';
import { latestEventId } from '$lib/server/messages/conversations';
import { unreadCount } from '$lib/server/messages/inbox';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	// Someone else who opens the front page is taken to their own home.
	if (locals.user && url.pathname === '/' && !globalRule(locals.user, 'area.youth')) {
		redirect(303, homeFor(locals.user.role));
	}
	authorizeGlobal(locals.user, 'area.youth');
	return {
		badges: { guide: url.pathname === '/guide' ? 0 : unseenGuideNews(locals.user) },
		eventCursor: latestEventId(),
		unreadMessages: unreadCount(locals.user)
	};
};
