import { listCaseload } from '$lib/server/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user!;
	return {
		role: user.role,
		department: user.department,
		caseload: listCaseload(user)
	};
};
