import { meetingToCancel } from '$lib/server/plan';
import type { PageServerLoad } from './$types';

/**
 * The question "cancel the meeting?" as a page of its own, for a browser without JavaScript
 * (with it, the button opens a dialog instead). "Yes" posts the young person's page's
 * `cancelMeeting`.
 */
export const load: PageServerLoad = ({ locals, params }) => ({
	youthId: params.youthId,
	meeting: meetingToCancel(locals.user, params.youthId, params.meetingId)
});
