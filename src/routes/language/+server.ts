import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime';
import { LOCALE_COOKIE, localeCookieOptions, saveLocale } from '$lib/server/auth';
import { safeNext } from '$lib/server/http';
import { localesFor } from '$lib/shared/locales';
import type { RequestHandler } from './$types';

/**
 * The language chooser (AppHeader): a plain form post that works without JavaScript. The choice
 * is remembered in a cookie and, for a logged-in person, stored on the account (issue 16), so
 * their other devices and their push notices follow it. Staff choose between Danish and English.
 */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = await request.formData();
	const locale = String(form.get('locale') ?? '');
	if (isLocale(locale) && localesFor(locals.user?.role).includes(locale)) {
		if (locals.user) saveLocale(locals.user, locale);
		cookies.set(LOCALE_COOKIE, locale, localeCookieOptions);
	}
	redirect(303, safeNext(form.get('next'), '/'));
};

export const GET: RequestHandler = () => redirect(303, '/');
