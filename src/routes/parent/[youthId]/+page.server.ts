import { error } from '@sveltejs/kit';
import { maySendRequest } from '$lib/server/guides';
import { parentRequests } from '$lib/server/guides';
import { listChildren } from '$lib/server/people';
import { authorize } from '$lib/server/access';
import { readSharedPlan } from '$lib/server/plan';
import { recordAccess } from '$lib/server/access';
import { parentConsentView } from '$lib/server/consent';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const child = listChildren(locals.user).find((c) => c.id === params.youthId);
	if (!child) error(404, 'not_found');
	recordAccess(locals.user, params.youthId, 'profile');
	return {
		child,
		plan: readSharedPlan(locals.user, params.youthId),
		consent: parentConsentView(locals.user, params.youthId, locals.locale),
		guideRequests: maySendRequest(locals.user, child.id) ? parentRequests(locals.user, child.id) : null
	};
};
