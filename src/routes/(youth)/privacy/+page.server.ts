import { error } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { whoHasLooked } from '$lib/server/privacy';
import { listApprovals } from '$lib/server/plan';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	authorize(locals.user, 'privacy.read', locals.user?.id ?? '');
	const accessLog = whoHasLooked(locals.user, locals.user.id, { before: url.searchParams.get('before') });
	if (!accessLog) error(404, 'not_found');
	return { accessLog, approvals: listApprovals(locals.user, locals.user.id) ?? [] };
};
