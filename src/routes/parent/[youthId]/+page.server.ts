import { error } from '@sveltejs/kit';
import { listChildren } from '$lib/server/people';
import { authorize } from '$lib/server/policy';
import { readSharedPlan } from '$lib/server/plan';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const child = listChildren(locals.user).find((c) => c.id === params.youthId);
	if (!child) error(404, 'not_found');
	return { child, plan: readSharedPlan(locals.user, params.youthId) };
};
