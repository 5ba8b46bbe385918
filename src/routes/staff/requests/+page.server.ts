import { authorizeGlobal } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'visitation.manage');
	return {};
};
