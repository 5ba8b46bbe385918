import { error } from '@sveltejs/kit';
import { getYouthSummary } from '$lib/server/people';
import { authorize } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const summary = getYouthSummary(locals.user, params.youthId);
	if (!summary) error(404, 'not_found');
	return { summary };
};
