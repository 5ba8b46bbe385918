import { error } from '@sveltejs/kit';
import { approvalPdf } from '$lib/server/plan';
import { pdfResponse } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The young person's own approved plan version as a PDF (issue 21). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await approvalPdf(locals.user, locals.user?.id ?? '', params.version);
	if (!file) error(404, 'not_found');
	return pdfResponse(file);
};
