import { authorizeGlobal } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'area.parent');
	return {};
};
