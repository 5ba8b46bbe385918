// The one set of Paraglide options, used by the Vite plugin and by scripts/compile-messages.js
// (svelte-check needs the compiled messages before any build has run, e.g. on a clean clone).
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// custom-account: the language stored on the account (src/hooks.server.ts); the server only.
	strategy: ['custom-account', 'cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'minvej_lang'
};
