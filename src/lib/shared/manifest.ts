/**
 * The web app manifest's fields that are the same in every language. The build writes them as
 * /manifest.webmanifest (Danish, for the precache); pages link /app.webmanifest, the same fields
 * with the description, `lang` and `dir` of the reader's language (routes/app.webmanifest).
 */
export const WEB_APP_MANIFEST = {
	id: '/',
	name: 'Minvej',
	short_name: 'Minvej',
	start_url: '/',
	scope: '/',
	display: 'standalone',
	orientation: 'portrait',
	theme_color: '#0b5d4b',
	background_color: '#f6f7f5',
	categories: ['education', 'social'],
	icons: [
		{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
		{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
		{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
	]
} as const;
