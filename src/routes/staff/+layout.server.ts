import { authorizeGlobal, globalRule } from '$lib/server/policy';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'area.staff');
	return {
		staffNav: {
			requests: globalRule(locals.user, 'visitation.manage'),
			invites: globalRule(locals.user, 'invite.create'),
			outcomes: globalRule(locals.user, 'outcomes.read'),
			profile: globalRule(locals.user, 'guide.profile')
		}
	};
};
