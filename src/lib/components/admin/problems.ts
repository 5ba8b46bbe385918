/** The texts of the administration's refusals (shared by the create form and the person's page). */
import { m } from '$lib/paraglide/messages.js';
import type { StaffProblem } from '$lib/shared/admin';

export function staffProblemText(problem: StaffProblem): string {
	return {
		external_login_taken: m.admin_problem_external_login_taken,
		last_coordinator: m.admin_problem_last_coordinator,
		has_youth: m.admin_problem_has_youth,
		self: m.admin_problem_self,
		disabled: m.admin_problem_disabled
	}[problem]();
}
