import { authorizeGlobal } from '$lib/server/access/policy';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'area.parent');
	return {};
};
