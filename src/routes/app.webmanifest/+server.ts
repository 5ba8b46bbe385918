import { m } from '$lib/paraglide/messages.js';
import { textDirection } from '$lib/shared/locales';
import { WEB_APP_MANIFEST } from '$lib/shared/manifest';
import type { RequestHandler } from './$types';

/**
 * The web app manifest in the reader's language (issue 16): its description, `lang` and `dir`
 * (Arabic and Farsi right to left). Open to everyone, like the login page that links it.
 */
export const GET: RequestHandler = ({ locals }) => {
	const locale = locals.locale;
	const manifest = {
		...WEB_APP_MANIFEST,
		description: m.pwa_manifest_description({}, { locale }),
		lang: locale,
		dir: textDirection(locale)
	};
	return new Response(JSON.stringify(manifest), {
		headers: { 'content-type': 'application/manifest+json; charset=utf-8', 'cache-control': 'no-store', vary: 'Cookie, Accept-Language' }
	});
};
