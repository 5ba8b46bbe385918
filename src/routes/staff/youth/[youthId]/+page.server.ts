import { error } from '@sveltejs/kit';
import { getYouthSummary } from '$lib/server/people';
import { authorize } from '$lib/server/policy';
import { recordAccess } from '$lib/server/audit';
import { staffConsentView } from '$lib/server/consent-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const summary = getYouthSummary(locals.user, params.youthId);
	if (!summary) error(404, 'not_found');
	recordAccess(locals.user, params.youthId, 'profile');
	return { summary, consent: staffConsentView(locals.user, params.youthId, locals.locale) };
};
