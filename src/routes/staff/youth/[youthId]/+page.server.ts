import { error } from '@sveltejs/kit';
import { checkinOverview } from '$lib/server/followup';
import { getYouthSummary, youthContact } from '$lib/server/people';
import { authorize, can } from '$lib/server/access';
import { loadStaffPlan, planActions } from './plan.server';
import { recordAccess } from '$lib/server/access';
import { staffConsentView } from '$lib/server/consent';
import { statusOverview } from '$lib/server/followup';
import { deadlinesOf } from '$lib/server/deadlines';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const summary = getYouthSummary(locals.user, params.youthId);
	if (!summary) error(404, 'not_found');
	recordAccess(locals.user, params.youthId, 'profile');
	return {
		summary,
		// The phone and e-mail the young person keeps on their profile, for staff who may write to them.
		contact: youthContact(locals.user, params.youthId),
		...loadStaffPlan(locals.user, params.youthId),
		consent: staffConsentView(locals.user, params.youthId, locals.locale),
		followUp: {
			checkins: checkinOverview(locals.user, params.youthId),
			status: statusOverview(locals.user, params.youthId),
			deadlines: deadlinesOf(locals.user, params.youthId)
		},
		// A link to the conversation only for someone the policy lets open it (no dead links).
		links: {
			conversation: can(locals.user, 'messages.read', params.youthId),
			// Losing access (issue 19): a new sign-in code for the young person or a parent.
			signIn: can(locals.user, 'signIn.reissue', params.youthId)
		}
	};
};

export const actions: Actions = { ...planActions };
