import { error } from '@sveltejs/kit';
import { messageTableScript } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

/**
 * A language's messages for the browser (issue 16, src/lib/server/i18n): open to everyone, like
 * the login page that needs them; nothing personal (staff pages' texts, `for=staff`, included).
 * Kept for a year when the version is current.
 */
export const GET: RequestHandler = ({ url }) => {
	const readers = url.searchParams.get('for') === 'staff' ? 'staff' : 'everyone';
	const script = messageTableScript(url.searchParams.get('locale'), readers, url.searchParams.get('v'));
	if (!script) error(404, 'Not found');
	return new Response(script.body, {
		headers: {
			'content-type': 'text/javascript; charset=utf-8',
			'cache-control': script.immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
		}
	});
};
