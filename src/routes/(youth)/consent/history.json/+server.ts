import { error, json } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { consentHistoryExport } from '$lib/server/consent';
import { todayIso } from '$lib/server/dates';
import type { RequestHandler } from './$types';

/** The young person's consent history as a JSON download. */
export const GET: RequestHandler = ({ locals }) => {
	authorize(locals.user, 'consent.change', locals.user?.id ?? '');
	const history = consentHistoryExport(locals.user, locals.user.id);
	if (!history) error(404, 'not_found');
	return json(history, {
		headers: {
			'content-disposition': `attachment; filename="minvej-samtykker-${todayIso()}.json"`,
			'cache-control': 'no-store'
		}
	});
};
