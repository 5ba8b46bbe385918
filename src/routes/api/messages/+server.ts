import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { apiError, readSendRequest } from '$lib/server/messages';
import { sendInput, sendMessage } from '$lib/server/messages';
import { authorizeGlobal } from '$lib/server/access';
import type { RequestHandler } from './$types';

const sendRequest = sendInput.extend({ youthId: z.string().min(1).max(64).optional() });

/**
 * Sends a message: `{ clientId, body, youthId? }` as JSON from this site (youthId: the young
 * person whose conversation; a young person may leave it out), or the same fields with a `file`
 * (a photo or PDF) as multipart/form-data. 415/413/422 for a file of another type, too big, lying
 * about its type or broken. 201 with the stored message;
 * 200 with the same message when the client id was sent before; 409 for the same id with
 * another text; 422 empty/too long; 429 too many per minute; 404 not allowed.
 */
export const POST: RequestHandler = async (event) => {
	authorizeGlobal(event.locals.user, 'messages.use');
	const actor = event.locals.user;
	const input = await readSendRequest(event.request, event.url);
	if (!input.ok) return input.response;
	const parsed = sendRequest.safeParse(input.value);
	if (!parsed.success) return apiError('invalid_request');
	const { youthId = actor.id, ...message } = parsed.data;
	const result = await sendMessage(actor, youthId, message, new Date(), input.file);
	if (!result.ok) return apiError(result.error, { body: message.body, retryAfter: result.retryAfter });
	return json({ message: result.message, duplicate: result.duplicate }, { status: result.duplicate ? 200 : 201 });
};
