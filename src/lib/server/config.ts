/**
 * Configuration from the environment, read in one place. Documented in README.md.
 * Uses process.env so that the same modules run under SvelteKit, Vitest and scripts.
 */
import { resolve } from 'node:path';

function env(name: string): string | undefined {
	const value = process.env[name];
	return value === undefined || value === '' ? undefined : value;
}

export const config = {
	get databasePath() {
		return env('DATABASE_PATH') ?? './data/minvej.db';
	},
	get migrationsFolder() {
		// adapter-node does not copy drizzle/ next to build/: resolve it from the project root.
		return resolve(env('MIGRATIONS_PATH') ?? './drizzle');
	},
	get demoSeed() {
		return env('DEMO_SEED') !== 'false';
	},
	get production() {
		return process.env.NODE_ENV === 'production';
	}
};
