import { listPlanOverview, readSort, sortCaseload } from '$lib/server/plan';
import { followUpFlags } from '$lib/server/followup';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = locals.user!;
	const { sort, direction } = readSort(url.searchParams);
	const caseload = sortCaseload(listPlanOverview(user), sort, direction);
	return {
		role: user.role,
		department: user.department,
		caseload,
		flags: followUpFlags(
			user,
			caseload.map((y) => y.id)
		),
		sort,
		direction
	};
};
