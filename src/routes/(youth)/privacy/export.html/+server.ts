import { error } from '@sveltejs/kit';
import { render } from 'svelte/server';
import { authorize } from '$lib/server/access';
import { todayIso } from '$lib/server/dates';
import { readableMyData } from '$lib/server/privacy';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { textDirection } from '$lib/shared/locales';
// The one route whose server side renders a component: the file is that component rendered alone
// (svelte/server), so the page and the download cannot say different things.
// eslint-disable-next-line no-restricted-imports
import MyDataDocument from '$lib/components/privacy/MyDataDocument.svelte';
import type { RequestHandler } from './$types';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * "Hent som fil": the readable data as one self-contained HTML file (its styles inside, no scripts,
 * nothing fetched), to keep, open in any browser or print as a PDF (issue 20).
 */
export const GET: RequestHandler = ({ locals }) => {
	authorize(locals.user, 'data.export', locals.user?.id ?? '');
	const data = readableMyData(locals.user, locals.user.id);
	if (!data) error(404, 'not_found');
	const { head, body } = render(MyDataDocument, { props: { data } });
	const locale = getLocale();
	const title = escapeHtml(`${m.mydata_title()} – ${data.person.name}`);
	const html = `<!doctype html>
<html lang="${locale}" dir="${textDirection(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:46rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}</style>
${head}
</head>
<body>
<h1>${title}</h1>
${body}
</body>
</html>
`;
	return new Response(html, {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-disposition': `attachment; filename="minvej-mine-data-${todayIso()}.html"`,
			'cache-control': 'no-store'
		}
	});
};
