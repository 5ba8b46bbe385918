import { myCheckin } from '$lib/server/checkins';
import { getYouthSummary } from '$lib/server/people';
import { getSettings } from '$lib/server/settings';
import { statusOverview } from '$lib/server/youth-status';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user!;
	const { unitName, unitPhone } = getSettings();
	return {
		summary: getYouthSummary(user, user.id),
		unit: { name: unitName, phone: unitPhone },
		followUp: { checkin: myCheckin(user), status: statusOverview(user, user.id)?.current ?? null }
	};
};
