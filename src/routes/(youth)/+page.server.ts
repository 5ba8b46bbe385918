import { myCheckin } from '$lib/server/followup';
import { getYouthSummary } from '$lib/server/people';
import { getPlanSummary } from '$lib/server/plan';
import { getSettings } from '$lib/server/settings';
import { consentRequestCount } from '$lib/server/consent';
import { statusOverview } from '$lib/server/followup';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user!;
	const { unitName, unitPhone } = getSettings();
	return {
		summary: getYouthSummary(user, user.id),
		plan: getPlanSummary(user, user.id),
		unit: { name: unitName, phone: unitPhone },
		consentRequests: consentRequestCount(user, user.id),
		followUp: { checkin: myCheckin(user), status: statusOverview(user, user.id)?.current ?? null }
	};
};
