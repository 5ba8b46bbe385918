import { error, fail } from '@sveltejs/kit';
import { checkinOverview, markFollowedUp, setRhythm, stopRhythm } from '$lib/server/followup';
import { field } from '$lib/server/http';
import { getYouthSummary } from '$lib/server/people';
import { authorize } from '$lib/server/access';
import { setStatus, statusOverview } from '$lib/server/followup';
import { deadlinesOf, meetDeadline } from '$lib/server/deadlines';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const summary = getYouthSummary(locals.user, params.youthId);
	const followUp = {
		checkins: checkinOverview(locals.user, params.youthId),
		status: statusOverview(locals.user, params.youthId),
		deadlines: deadlinesOf(locals.user, params.youthId)
	};
	if (!summary || (!followUp.checkins && !followUp.status)) error(404, 'not_found');
	return { summary, followUp };
};

export const actions: Actions = {
	setRhythm: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = { intervalDays: field(form, 'intervalDays'), startsOn: field(form, 'startsOn'), months: field(form, 'months') };
		const result = setRhythm(locals.user, params.youthId, values);
		if (!result.ok) return fail(400, { action: 'setRhythm' as const, error: result.error, values });
		return { action: 'setRhythm' as const, ok: true };
	},
	stopRhythm: async ({ locals, params }) => {
		const result = stopRhythm(locals.user, params.youthId);
		if (!result.ok) return fail(400, { action: 'stopRhythm' as const, error: result.error });
		return { action: 'stopRhythm' as const, ok: true };
	},
	/** "Talt med hende/ham" (issue 20): the low answers are followed up, with who and when. */
	followedUp: async ({ locals, params }) => {
		const result = markFollowedUp(locals.user, params.youthId);
		if (!result.ok) return fail(400, { action: 'followedUp' as const, error: result.error });
		return { action: 'followedUp' as const, ok: true };
	},
	/** "Kontakt er taget" / "Tilbud er givet" (issue 21): a legal deadline met, with who and when. */
	meetDeadline: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = meetDeadline(locals.user, params.youthId, field(form, 'deadline').slice(0, 64));
		if (!result.ok) return fail(400, { action: 'meetDeadline' as const, error: result.problem });
		return { action: 'meetDeadline' as const, ok: true };
	},
	setStatus: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = {
			status: field(form, 'status'),
			programme: field(form, 'programme'),
			hours: field(form, 'hours'),
			detail: field(form, 'detail')
		};
		const result = setStatus(locals.user, params.youthId, values);
		if (!result.ok) return fail(400, { action: 'setStatus' as const, error: result.error, values });
		return { action: 'setStatus' as const, ok: true };
	}
};
