import { error } from '@sveltejs/kit';
import { getYouthSummary } from '$lib/server/people';
import { authorize } from '$lib/server/policy';
import { loadStaffPlan, planActions } from './plan.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const summary = getYouthSummary(locals.user, params.youthId);
	if (!summary) error(404, 'not_found');
	return { summary, ...loadStaffPlan(locals.user, params.youthId) };
};

export const actions: Actions = { ...planActions };
