import { openEventStream, parseEventId } from '$lib/server/messages';
import { authorizeGlobal } from '$lib/server/access';
import type { RequestHandler } from './$types';

/**
 * The tab's live stream (Server-Sent Events): new messages, delivered/read marks and the unread
 * count. Resumes after `Last-Event-ID` (sent by the browser on reconnect) or `?since=`.
 */
export const GET: RequestHandler = ({ locals, request, url }) => {
	authorizeGlobal(locals.user, 'messages.use');
	const since = parseEventId(request.headers.get('last-event-id')) ?? parseEventId(url.searchParams.get('since'));
	return new Response(openEventStream(locals.user, { sessionId: locals.sessionId, since }), {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
