import { json } from '@sveltejs/kit';
import { canGlobal } from '$lib/server/access';
import { jsonDepthWithin, readBodyText } from '$lib/server/http';
import { removeSubscription, saveSubscription, subscriptionInput, unsubscriptionInput } from '$lib/server/push';
import type { RequestHandler } from './$types';

/**
 * This device's push subscription: POST turns notifications on (or refreshes the language),
 * DELETE turns them off. JSON from this site only: SvelteKit's CSRF check covers forms, not JSON.
 */
async function readJson(request: Request, url: URL): Promise<{ value: unknown } | { error: Response }> {
	const site = request.headers.get('sec-fetch-site');
	if (request.headers.get('origin') !== url.origin || (site !== null && site !== 'same-origin')) {
		return { error: json({ error: 'cross_origin' }, { status: 403 }) };
	}
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'application/json') return { error: json({ error: 'unsupported_media_type' }, { status: 415 }) };
	const text = await readBodyText(request, 4000);
	if (text === null) return { error: json({ error: 'too_large' }, { status: 413 }) };
	if (!jsonDepthWithin(text, 8)) return { error: json({ error: 'invalid_json' }, { status: 400 }) };
	try {
		return { value: JSON.parse(text) };
	} catch {
		return { error: json({ error: 'invalid_json' }, { status: 400 }) };
	}
}

export const POST: RequestHandler = async ({ request, url, locals }) => {
	if (!locals.user || !canGlobal(locals.user, 'notifications.manage')) return json({ error: 'not_found' }, { status: 404 });
	const body = await readJson(request, url);
	if ('error' in body) return body.error;
	const parsed = subscriptionInput.safeParse(body.value);
	if (!parsed.success) return json({ error: 'invalid_subscription' }, { status: 422 });
	saveSubscription(locals.user, parsed.data);
	return json({ ok: true }, { status: 201 });
};

export const DELETE: RequestHandler = async ({ request, url, locals }) => {
	if (!locals.user || !canGlobal(locals.user, 'notifications.manage')) return json({ error: 'not_found' }, { status: 404 });
	const body = await readJson(request, url);
	if ('error' in body) return body.error;
	const parsed = unsubscriptionInput.safeParse(body.value);
	if (!parsed.success) return json({ error: 'invalid_subscription' }, { status: 422 });
	removeSubscription(locals.user, parsed.data.endpoint);
	return json({ ok: true });
};
