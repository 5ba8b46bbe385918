import { followUpFlags } from '$lib/server/checkins';
import { listCaseload } from '$lib/server/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user!;
	const caseload = listCaseload(user);
	return {
		role: user.role,
		department: user.department,
		caseload,
		flags: followUpFlags(
			user,
			caseload.map((y) => y.id)
		)
	};
};
