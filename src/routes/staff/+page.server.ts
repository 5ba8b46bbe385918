import { listPlanOverview, readSort, sortCaseload } from '$lib/server/plan-overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = locals.user!;
	const { sort, direction } = readSort(url.searchParams);
	return {
		role: user.role,
		department: user.department,
		caseload: sortCaseload(listPlanOverview(user), sort, direction),
		sort,
		direction
	};
};
