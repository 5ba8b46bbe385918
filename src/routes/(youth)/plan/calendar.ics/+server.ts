import { error } from '@sveltejs/kit';
import { meetingCalendar } from '$lib/server/plan';
import type { RequestHandler } from './$types';

/** The young person's meetings as a calendar file (all upcoming ones, or `?meeting=<id>`). */
export const GET: RequestHandler = ({ locals, url }) => {
	const file = meetingCalendar(locals.user, locals.user?.id ?? '', url.searchParams.get('meeting'));
	if (!file) error(404, 'not_found');
	return new Response(file.body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${file.filename}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
};
