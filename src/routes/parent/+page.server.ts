import { listChildren } from '$lib/server/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	children: listChildren(locals.user!)
});
