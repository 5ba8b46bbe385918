import { myCheckin } from '$lib/server/followup/checkins';
import { getYouthSummary } from '$lib/server/people/lists';
import { getPlanSummary } from '$lib/server/plan/overview';
import { getSettings } from '$lib/server/settings/settings';
import { consentRequestCount } from '$lib/server/consent/requests';
import { statusOverview } from '$lib/server/followup/status';
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
