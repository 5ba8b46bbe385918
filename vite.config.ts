import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.options.js';

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin(paraglideOptions)
	],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		pool: 'forks',
		testTimeout: 20_000
	}
});
