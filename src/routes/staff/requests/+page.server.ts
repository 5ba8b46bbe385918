import { guidesForVisitation, visitationQueue } from '$lib/server/guides';
import { readQueueFilter } from '$lib/shared/guides';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({
	queue: visitationQueue(locals.user, readQueueFilter(url.searchParams)),
	guides: guidesForVisitation(locals.user)
});
