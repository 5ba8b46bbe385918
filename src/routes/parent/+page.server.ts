import { listChildren } from '$lib/server/people';
import { parentConsentViews } from '$lib/server/consent';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	children: listChildren(locals.user!),
	consent: parentConsentViews(locals.user, locals.locale)
});
