import { defineCustomClientStrategy, isLocale } from '$lib/paraglide/runtime';

/**
 * In the browser, a page's language is the one the server rendered it in: `<html lang>`, which
 * the server sets from the account, else the cookie, else Danish (hooks.server.ts). Paraglide's
 * first strategy (`custom-account`, the account's language on the server) reads it here, so the
 * texts the scripts render are in the page's language even where the cookie says otherwise, and
 * the cookie is not read at all: every message asks for the language, and `document.cookie` was
 * read again after each microtask while a page started (issue 18). A page without a known `lang`
 * (none of ours) falls through to the cookie.
 */
defineCustomClientStrategy('custom-account', {
	getLocale: () => {
		const lang = document.documentElement.lang;
		return isLocale(lang) ? lang : undefined;
	},
	// Paraglide calls this when it settles the language (the first message asked) and on a switch.
	// Languages are switched by the server (the chooser's form, routes/language); the page's `lang`
	// follows whatever is set here, so the two never disagree.
	setLocale: (locale) => {
		document.documentElement.lang = locale;
	}
});
