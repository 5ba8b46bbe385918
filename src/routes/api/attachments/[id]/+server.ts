import { error } from '@sveltejs/kit';
import { openAttachment } from '$lib/server/messages';
import { authorizeGlobal } from '$lib/server/access';
import type { RequestHandler } from './$types';

/**
 * A message's photo or PDF (`?preview`: the photo's small preview), for those who may read the
 * conversation now; 404 for anyone else. Never cached, never sniffed, and sandboxed so that a
 * file opened on its own cannot run anything.
 */
export const GET: RequestHandler = ({ locals, params, url }) => {
	authorizeGlobal(locals.user, 'messages.use');
	const file = /^[a-z2-7]{8,64}$/.test(params.id) ? openAttachment(locals.user, params.id, url.searchParams.has('preview') ? 'preview' : 'file') : null;
	if (!file) error(404, 'not_found');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.mime,
			'content-length': String(file.bytes.length),
			'content-disposition': `${file.disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store',
			'content-security-policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
			'cross-origin-resource-policy': 'same-origin'
		}
	});
};
