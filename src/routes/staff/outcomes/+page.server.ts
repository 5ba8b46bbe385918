import { outcomeTables } from '$lib/server/followup';
import { outcomeReport, parsePeriod } from '$lib/server/followup';
import { authorizeGlobal } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	authorizeGlobal(locals.user, 'outcomes.read');
	const { period, error, values } = parsePeriod(url.searchParams);
	return { period, error, values, tables: outcomeTables(outcomeReport(locals.user, period), locals.locale) };
};
