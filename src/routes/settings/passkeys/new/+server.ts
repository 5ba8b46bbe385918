import { json } from '@sveltejs/kit';
import { canGlobal } from '$lib/server/access';
import { finishPasskeyRegistration, readPasskeyRequest, siteOf, startPasskeyRegistration } from '$lib/server/passkeys';
import type { RequestHandler } from './$types';

/**
 * "Use this phone's screen lock next time": `{ start: true }` answers the options for
 * navigator.credentials.create; `{ response }` checks the phone's answer and keeps the passkey.
 */
export const POST: RequestHandler = async ({ request, url, locals }) => {
	// Anonymous requests never get here: the hooks send them to /login.
	if (!locals.user) return json({ error: 'unauthorized' }, { status: 401 });
	if (!canGlobal(locals.user, 'passkeys.own')) return json({ error: 'not_found' }, { status: 404 });
	const body = await readPasskeyRequest(request, url);
	if (!body.ok) return json({ error: body.error }, { status: body.status });
	const site = siteOf(url);
	if (body.value.start === true) return json(await startPasskeyRegistration(locals.user, site));
	const result = await finishPasskeyRegistration(locals.user, site, body.value.response, request.headers.get('user-agent'));
	if (!result.ok) return json({ error: result.problem }, { status: 400 });
	return json({ ok: true }, { status: 201 });
};
