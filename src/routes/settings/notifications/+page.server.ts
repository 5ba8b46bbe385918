import { authorizeGlobal } from '$lib/server/access';
import { removeAllSubscriptions, subscriptionCount, vapidPublicKey } from '$lib/server/push';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'notifications.manage');
	return { vapidPublicKey: vapidPublicKey(), deviceCount: subscriptionCount(locals.user) };
};

export const actions: Actions = {
	/** Works without JavaScript: no device of the user's gets notifications any more. */
	offEverywhere: ({ locals }) => {
		authorizeGlobal(locals.user, 'notifications.manage');
		removeAllSubscriptions(locals.user);
		return { offEverywhere: true };
	}
};
