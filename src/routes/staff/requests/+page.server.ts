import { guidesForVisitation } from '$lib/server/guides';
import { visitationQueue } from '$lib/server/guides';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	queue: visitationQueue(locals.user),
	guides: guidesForVisitation(locals.user)
});
