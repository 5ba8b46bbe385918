import { unitContact } from '$lib/server/settings';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user
		? {
				id: locals.user.id,
				displayName: locals.user.displayName,
				role: locals.user.role
			}
		: null,
	locale: locals.locale,
	// The footer's contact (issue 20): the youth unit, from the settings; nothing personal.
	unit: unitContact()
});
