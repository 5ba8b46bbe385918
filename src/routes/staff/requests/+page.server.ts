import { guidesForVisitation } from '$lib/server/guides/directory';
import { visitationQueue } from '$lib/server/guides/visitation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	queue: visitationQueue(locals.user),
	guides: guidesForVisitation(locals.user)
});
