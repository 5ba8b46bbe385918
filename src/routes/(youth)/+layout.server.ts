import { redirect } from '@sveltejs/kit';
import { unseenGuideNews } from '$lib/server/guides';
import { authorizeGlobal, canGlobal } from '$lib/server/access';
import { homeFor } from '$lib/server/auth';
import { latestEventId } from '$lib/server/messages';
import { unreadCount } from '$lib/server/messages';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	// Someone else who opens the front page is taken to their own home.
	if (locals.user && url.pathname === '/' && !canGlobal(locals.user, 'area.youth')) {
		redirect(303, homeFor(locals.user.role));
	}
	authorizeGlobal(locals.user, 'area.youth');
	return {
		badges: { guide: url.pathname === '/guide' ? 0 : unseenGuideNews(locals.user) },
		eventCursor: latestEventId(),
		unreadMessages: unreadCount(locals.user)
	};
};
