import { error } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { readableMyData } from '$lib/server/privacy';
import type { PageServerLoad } from './$types';

/** "Læs dine data": the same data as the JSON download, in words (issue 20). */
export const load: PageServerLoad = ({ locals }) => {
	authorize(locals.user, 'data.export', locals.user?.id ?? '');
	const myData = readableMyData(locals.user, locals.user.id);
	if (!myData) error(404, 'not_found');
	return { myData };
};
