import type { SubmitFunction } from '@sveltejs/kit';
import { invalidateAll } from '$app/navigation';

/**
 * For forms that change what is saved: keep what was typed, and after a refusal (a conflict, a
 * plan that changed meanwhile) reload the page's data so it shows what is saved now.
 */
export const keepTyped: SubmitFunction =
	() =>
	async ({ update, result }) => {
		await update({ reset: false });
		if (result.type === 'failure') await invalidateAll();
	};
