import { error, json } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { todayIso } from '$lib/server/dates';
import { downloadMyData } from '$lib/server/privacy';
import type { RequestHandler } from './$types';

/** "Download my data": everything Minvej holds about the young person, as JSON (attachments' files included, as base64). */
export const GET: RequestHandler = async ({ locals }) => {
	authorize(locals.user, 'data.export', locals.user?.id ?? '');
	const data = await downloadMyData(locals.user, locals.user.id);
	if (!data) error(404, 'not_found');
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="minvej-mine-data-${todayIso()}.json"`,
			'cache-control': 'no-store'
		}
	});
};
