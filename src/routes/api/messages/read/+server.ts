import { apiError, readInput, readJsonRequest } from '$lib/server/messages';
import { markRead } from '$lib/server/messages';
import { authorizeGlobal } from '$lib/server/access';
import type { RequestHandler } from './$types';

/** Marks a conversation as read up to `seq`: `{ threadId, seq }` as JSON from this site. 204, or 404. */
export const POST: RequestHandler = async (event) => {
	authorizeGlobal(event.locals.user, 'messages.use');
	const input = await readJsonRequest(event.request, event.url);
	if (!input.ok) return input.response;
	const parsed = readInput.safeParse(input.value);
	if (!parsed.success) return apiError('invalid_request');
	if (!markRead(event.locals.user, parsed.data.threadId, parsed.data.seq)) return apiError('not_found');
	return new Response(null, { status: 204 });
};
