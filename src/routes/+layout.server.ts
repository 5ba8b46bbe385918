import { canGlobal } from '$lib/server/access';
import { unitContact } from '$lib/server/settings';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user
		? {
				id: locals.user.id,
				displayName: locals.user.displayName,
				role: locals.user.role,
				// Young people and parents have a profile page; the header links to it.
				profile: canGlobal(locals.user, 'profile.own')
			}
		: null,
	locale: locals.locale,
	// The footer's contact (issue 20): the youth unit, from the settings; nothing personal.
	unit: unitContact()
});
