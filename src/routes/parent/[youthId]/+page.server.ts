import { error, fail } from '@sveltejs/kit';
import { maySendRequest } from '$lib/server/guides';
import { parentRequests } from '$lib/server/guides';
import { listChildren } from '$lib/server/people';
import { authorize } from '$lib/server/access';
import { readSharedPlan } from '$lib/server/plan';
import { approvalToCosign, cosignPlan } from '$lib/server/plan';
import { field } from '$lib/server/http';
import { recordAccess } from '$lib/server/access';
import { parentConsentView } from '$lib/server/consent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const child = listChildren(locals.user).find((c) => c.id === params.youthId);
	if (!child) error(404, 'not_found');
	recordAccess(locals.user, params.youthId, 'profile');
	return {
		child,
		plan: readSharedPlan(locals.user, params.youthId),
		approval: approvalToCosign(locals.user, params.youthId),
		consent: parentConsentView(locals.user, params.youthId, locals.locale),
		guideRequests: maySendRequest(locals.user, child.id) ? parentRequests(locals.user, child.id) : null
	};
};

export const actions: Actions = {
	/** A custody holder co-signs the plan version the young person approved (issue 21). */
	cosignPlan: async ({ request, locals, params }) => {
		const version = field(await request.formData(), 'version');
		const result = await cosignPlan(locals.user, params.youthId, version);
		if (!result.ok) return fail(result.error === 'not_allowed' ? 403 : 409, { cosignError: result.error, version });
		return { cosigned: version };
	}
};
