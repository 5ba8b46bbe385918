import { error } from '@sveltejs/kit';
import { authorizeGlobal } from '$lib/server/access';
import { approvalPdf } from '$lib/server/plan';
import { pdfResponse } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** An approved version of a young person's plan as a PDF, for the staff who read the plan (issue 21). */
export const GET: RequestHandler = async ({ locals, params }) => {
	authorizeGlobal(locals.user, 'area.staff');
	const file = await approvalPdf(locals.user, params.youthId, params.version);
	if (!file) error(404, 'not_found');
	return pdfResponse(file);
};
