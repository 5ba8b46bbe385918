// The one set of Paraglide options, used by the Vite plugin and by scripts/compile-messages.js
// (svelte-check needs the compiled messages before any build has run, e.g. on a clean clone).
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// custom-account: the language stored on the account (src/hooks.server.ts); the server only.
	// custom-offline: the offline page's `?locale=`, which the service worker asks for (the server only).
	// No 'preferredLanguage': a first visit is in Danish whatever the phone's language (issue 20);
	// the chooser, one tap away on every page, sets the cookie.
	strategy: ['custom-account', 'cookie', 'custom-offline', 'baseLocale'],
	cookieName: 'minvej_lang'
};
