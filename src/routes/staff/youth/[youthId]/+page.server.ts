import { error } from '@sveltejs/kit';
import { checkinOverview } from '$lib/server/checkins';
import { getYouthSummary } from '$lib/server/people';
import { authorize } from '$lib/server/policy';
import { statusOverview } from '$lib/server/youth-status';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const summary = getYouthSummary(locals.user, params.youthId);
	if (!summary) error(404, 'not_found');
	return {
		summary,
		followUp: { checkins: checkinOverview(locals.user, params.youthId), status: statusOverview(locals.user, params.youthId) }
	};
};
