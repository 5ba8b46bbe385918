import { stepToRemove } from '$lib/server/plan';
import type { PageServerLoad } from './$types';

/**
 * The question "remove the step?" as a page of its own, for a browser without JavaScript (with
 * it, the button opens a dialog instead). "Yes" posts the young person's page's `removeStep`.
 */
export const load: PageServerLoad = ({ locals, params }) => ({
	youthId: params.youthId,
	step: stepToRemove(locals.user, params.youthId, params.stepId)
});
