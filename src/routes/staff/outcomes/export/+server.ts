import { error } from '@sveltejs/kit';
import { outcomesCsv, outcomeTables } from '$lib/server/followup';
import { outcomeReport, parsePeriod } from '$lib/server/followup';
import { authorizeGlobal } from '$lib/server/access';
import type { RequestHandler } from './$types';

/** The outcome page's tables as CSV: the same cells, never names. */
export const GET: RequestHandler = ({ locals, url }) => {
	authorizeGlobal(locals.user, 'outcomes.read');
	const { period, error: bad } = parsePeriod(url.searchParams);
	if (bad) error(400, 'bad_period');
	const csv = outcomesCsv(outcomeTables(outcomeReport(locals.user, period), locals.locale), locals.locale);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="minvej-outcomes-${period.from}-${period.to}.csv"`
		}
	});
};
