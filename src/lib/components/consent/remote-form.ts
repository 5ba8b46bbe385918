/**
 * Progressive enhancement for a consent form embedded in a page it does not belong to (a
 * shared staff or parent page posting to its own `…/consent` route): the answer is shown where
 * the form is and the page's data is reloaded, instead of SvelteKit treating the answer as the
 * host page's own form result. Without JavaScript the form posts to the consent route, which
 * renders the same component with the answer.
 */
import type { SubmitFunction } from '@sveltejs/kit';
import { applyAction } from '$app/forms';
import { invalidateAll } from '$app/navigation';

export type RemoteResult = { ok: boolean; data: Record<string, unknown> | undefined };

export function submitElsewhere(onResult: (result: RemoteResult) => void): SubmitFunction {
	return () =>
		async ({ result }) => {
			if (result.type === 'success' || result.type === 'failure') {
				onResult({ ok: result.type === 'success', data: result.data });
				if (result.type === 'success') await invalidateAll();
			} else {
				await applyAction(result);
			}
		};
}
