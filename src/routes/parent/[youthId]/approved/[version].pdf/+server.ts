import { error } from '@sveltejs/kit';
import { approvalPdf } from '$lib/server/plan';
import { pdfResponse } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** An approved version of the young person's plan as a PDF, for the custody holder who co-signs (issue 21). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await approvalPdf(locals.user, params.youthId, params.version);
	if (!file) error(404, 'not_found');
	return pdfResponse(file);
};
