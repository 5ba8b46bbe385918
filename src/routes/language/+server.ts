import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime';
import { safeNext } from '$lib/server/http';
import type { RequestHandler } from './$types';

const YEAR = 365 * 24 * 60 * 60;

/** The language switch: a plain form post (works without JavaScript), remembered in a cookie. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData();
	const locale = String(form.get('locale') ?? '');
	if (isLocale(locale)) {
		// Not httpOnly: Paraglide reads it in the browser too, so both sides agree on the language.
		cookies.set('minvej_lang', locale, {
			path: '/',
			maxAge: YEAR,
			httpOnly: false,
			sameSite: 'lax'
		});
	}
	redirect(303, safeNext(form.get('next'), '/'));
};

export const GET: RequestHandler = () => redirect(303, '/');
