/**
 * The HTTP side of messages, shared by the JSON endpoints (/api/messages…) and the pages' form
 * actions: the JSON request check, status codes and the form actions' parsing.
 *
 * SvelteKit's CSRF check covers form posts only, so a JSON endpoint checks for itself that the
 * request is JSON and comes from this site (Origin, and Sec-Fetch-Site where the browser sends it).
 * The body is read with a size limit and its nesting counted before it is parsed (README, "Limits").
 */
import { fail, json } from '@sveltejs/kit';
import { z } from 'zod';
import { markRead, sendInput, sendMessage } from './send';
import type { Actor } from '../access';
import type { SendError } from '../../shared/messages';
import { sendErrorText } from '$lib/shared/message-errors';
import { jsonDepthWithin, readBodyText } from '../http';

/**
 * The largest JSON body taken, in bytes: the longest message (4000 characters) is at most 16 KB
 * as UTF-8, 24 KB if every character is a lone surrogate that JSON escapes as \uXXXX.
 */
export const JSON_BODY_LIMIT = 32 * 1024;
/** The deepest nesting taken: our bodies nest two levels at most. */
export const JSON_MAX_DEPTH = 8;

export function statusOf(error: SendError): number {
	switch (error) {
		case 'empty':
		case 'too_long':
		case 'invalid_client_id':
			return 422;
		case 'rate_limited':
			return 429;
		case 'client_id_conflict':
			return 409;
		case 'not_found':
			return 404;
		case 'unsupported_media_type':
			return 415;
		case 'too_large':
			return 413;
		case 'cross_origin':
			return 403;
		default:
			return 400;
	}
}

/** A JSON error answer: a stable code and a sentence in the user's language. */
export function apiError(error: SendError, details: { body?: string; retryAfter?: number } = {}): Response {
	const headers: Record<string, string> = details.retryAfter ? { 'retry-after': String(details.retryAfter) } : {};
	return json(
		{ error, message: sendErrorText(error, details), ...(details.retryAfter ? { retryAfter: details.retryAfter } : {}) },
		{ status: statusOf(error), headers }
	);
}

/** The parsed JSON body of a same-origin JSON request, or the error answer to give. */
export async function readJsonRequest(
	request: Request,
	url: URL
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
	const site = request.headers.get('sec-fetch-site');
	if (request.headers.get('origin') !== url.origin || (site !== null && site !== 'same-origin')) {
		return { ok: false, response: apiError('cross_origin') };
	}
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'application/json') return { ok: false, response: apiError('unsupported_media_type') };
	const text = await readBodyText(request, JSON_BODY_LIMIT);
	if (text === null) return { ok: false, response: apiError('too_large') };
	if (!jsonDepthWithin(text, JSON_MAX_DEPTH)) return { ok: false, response: apiError('invalid_json') };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, response: apiError('invalid_json') };
	}
}

const formText = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/** The `?/send` form action (no JavaScript): null when sent, else the failure keeping the text. */
export async function sendFromForm(actor: NonNullable<Actor>, youthId: string, request: Request) {
	const form = await request.formData();
	const body = formText(form, 'body');
	const parsed = sendInput.safeParse({ clientId: formText(form, 'clientId'), body });
	if (!parsed.success) return fail(400, { error: 'invalid_request' as SendError, values: { body } });
	const result = await sendMessage(actor, youthId, parsed.data);
	if (result.ok) return null;
	return fail(statusOf(result.error), { error: result.error, retryAfter: result.retryAfter, values: { body } });
}

export const readInput = z.object({ threadId: z.string().min(1).max(64), seq: z.coerce.number().int().min(0).max(1e9) });

/** The `?/markRead` form action. */
export async function markReadFromForm(actor: NonNullable<Actor>, request: Request) {
	const form = await request.formData();
	const parsed = readInput.safeParse({ threadId: formText(form, 'threadId'), seq: formText(form, 'seq') });
	if (!parsed.success || !markRead(actor, parsed.data.threadId, parsed.data.seq)) return fail(404, { error: 'not_found' as SendError });
	return { marked: parsed.data.threadId };
}
