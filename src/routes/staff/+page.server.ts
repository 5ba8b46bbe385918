import { listCaseloadPage } from '$lib/server/plan';
import { readCaseloadQuery } from '$lib/shared/caseload';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = locals.user!;
	return {
		role: user.role,
		department: user.department,
		list: listCaseloadPage(user, readCaseloadQuery(url.searchParams))
	};
};
