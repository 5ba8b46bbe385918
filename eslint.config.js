import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Server code and shared types never reach into components (the layers run one way). */
const NO_COMPONENTS = {
	group: ['$lib/components/*', '**/components/*'],
	message: 'Server and shared code never import components: put what both need in src/lib/shared/.'
};

/** Routes and components use a server part through its entry, never its inner files. */
const PART_ENTRY_ONLY = {
	regex: '^\\$lib/server/[a-z-]+/',
	message: 'Import a server part through its entry ($lib/server/<part>), not its inner files.'
};

export default ts.config(
	{
		ignores: ['build/', 'build-*/', '.svelte-kit/', 'src/lib/paraglide/', 'data/', 'test-results/', 'playwright-report/', 'node_modules/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			// Type information for the Svelte rules that need it (svelte/no-unused-props): one program
			// for the tsconfig, which each component joins, rather than typescript-eslint's project
			// service: the 135 components took 64 s against 68 s to lint (`time npx eslint
			// 'src/**/*.svelte'`, two pairs one after the other), with the same findings. Without type
			// information that rule finds nothing, silently (the house rules' test checks it fires).
			parserOptions: {
				project: './tsconfig.json',
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			// The app is served at the root (no `paths.base`), so plain hrefs are correct;
			// wrapping every link in resolve() would add noise without changing a URL.
			'svelte/no-navigation-without-resolve': 'off',
			// TypeScript already checks undefined identifiers.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	// No import loops anywhere in the app (docs/architecture.md): a module never reaches itself
	// again through its imports, type-only imports included.
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		plugins: { 'import-x': importX },
		settings: {
			'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
			'import-x/extensions': ['.ts', '.js', '.svelte'],
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.js'], 'svelte-eslint-parser': ['.svelte'] }
		},
		// A .ts file that imports a component (a test rendering it): the component is parsed with the
		// importing file's options, so they name the TypeScript parser for its <script lang="ts">.
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
		rules: {
			'import-x/no-cycle': ['error', { ignoreExternal: true }]
		}
	},
	// A part of the server is used through its entry (`$lib/server/plan`), never its inner files;
	// inside the server, parts reach each other through the entries too (the database excepted).
	{
		files: ['src/routes/**', 'src/hooks.server.ts', 'src/lib/components/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [PART_ENTRY_ONLY] }]
		}
	},
	// What the server hands the pages is typed once, in src/lib/shared/<part>.ts: Svelte files and
	// component helpers never import from $lib/server, not even a type; and the server side of a
	// route never imports a type from a component.
	{
		files: ['src/routes/**/*.svelte', 'src/lib/components/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^\\$lib/server(/|$)',
							message: 'Pages and components never import from $lib/server, types included: use src/lib/shared/<part>.ts or ./$types.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/routes/**/*.server.ts', 'src/routes/**/+server.ts', 'src/hooks.server.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						PART_ENTRY_ONLY,
						{
							regex: '(^\\$lib/components/|/components/|\\.svelte$)',
							message: 'The server side of a route never imports a component: put the type it needs in src/lib/shared/.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/server/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						NO_COMPONENTS,
						{
							regex: '^\\.\\./(?!db(/|$))[a-z-]+/',
							message: 'Use the other part through its entry (../<part>), not its inner files.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/shared/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						NO_COMPONENTS,
						{ group: ['$lib/server/*', '**/server/*'], message: 'Shared code is used by the pages too: it never imports server code.' }
					]
				}
			]
		}
	}
);
