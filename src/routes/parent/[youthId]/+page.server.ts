import { error } from '@sveltejs/kit';
import { maySendRequest } from '$lib/server/guideRequests';
import { parentRequests } from '$lib/server/guideRequestViews';
import { listChildren } from '$lib/server/people';
import { authorize } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const child = listChildren(locals.user).find((c) => c.id === params.youthId);
	if (!child) error(404, 'not_found');
	return { child, guideRequests: maySendRequest(locals.user, child.id) ? parentRequests(locals.user, child.id) : null };
};
