import { listStaff } from '$lib/server/admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const role = (url.searchParams.get('role') ?? '').slice(0, 20);
	return { ...listStaff(locals.user, { q, role }), q, role };
};
