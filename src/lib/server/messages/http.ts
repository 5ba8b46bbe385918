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
import type { IncomingFile } from '../attachments';

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
		case 'attachment_type':
			return 415;
		case 'too_large':
		case 'attachment_too_large':
			return 413;
		case 'attachment_mismatch':
		case 'attachment_broken':
			return 422;
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

type ReadRequest = { ok: true; value: unknown; file?: IncomingFile } | { ok: false; response: Response };

function sameOrigin(request: Request, url: URL): boolean {
	const site = request.headers.get('sec-fetch-site');
	return request.headers.get('origin') === url.origin && (site === null || site === 'same-origin');
}

const contentType = (request: Request) => (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/** The parsed JSON body of a same-origin JSON request, or the error answer to give. */
export async function readJsonRequest(request: Request, url: URL): Promise<ReadRequest> {
	if (!sameOrigin(request, url)) return { ok: false, response: apiError('cross_origin') };
	if (contentType(request) !== 'application/json') return { ok: false, response: apiError('unsupported_media_type') };
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

/** The file sent in a form's `file` field; none when the field is missing or left empty. */
export async function formFile(form: FormData): Promise<IncomingFile | undefined> {
	const value = form.get('file');
	if (!(value instanceof File) || (value.size === 0 && !value.name)) return undefined;
	return { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
}

/**
 * A message sent with a file, as multipart/form-data from this site (the outbox and the page's
 * script): its fields in `value`, the file beside them.
 */
export async function readFormRequest(request: Request, url: URL): Promise<ReadRequest> {
	if (!sameOrigin(request, url)) return { ok: false, response: apiError('cross_origin') };
	if (contentType(request) !== 'multipart/form-data') return { ok: false, response: apiError('unsupported_media_type') };
	const form = await request.formData();
	const value = Object.fromEntries(['clientId', 'body', 'youthId'].filter((k) => form.has(k)).map((k) => [k, formText(form, k)]));
	return { ok: true, value, file: await formFile(form) };
}

/** A send to the JSON endpoint: JSON, or multipart/form-data when it carries a file. */
export function readSendRequest(request: Request, url: URL): Promise<ReadRequest> {
	return contentType(request) === 'multipart/form-data' ? readFormRequest(request, url) : readJsonRequest(request, url);
}

/** The `?/send` form action (no JavaScript): null when sent, else the failure keeping the text. */
export async function sendFromForm(actor: NonNullable<Actor>, youthId: string, request: Request) {
	const form = await request.formData();
	const body = formText(form, 'body');
	const parsed = sendInput.safeParse({ clientId: formText(form, 'clientId'), body });
	if (!parsed.success) return fail(400, { error: 'invalid_request' as SendError, values: { body } });
	const result = await sendMessage(actor, youthId, parsed.data, new Date(), await formFile(form));
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
