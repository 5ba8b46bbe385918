import { error, fail } from '@sveltejs/kit';
import { field } from '$lib/server/http';
import { authorize } from '$lib/server/access';
import { consentYouth } from '$lib/server/access';
import { cosignConsent, withdrawConsent } from '$lib/server/consent';
import { parentConsentView } from '$lib/server/consent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'profile.read', params.youthId);
	const view = parentConsentView(locals.user, params.youthId, locals.locale);
	const youth = consentYouth(params.youthId);
	if (!view || !youth) error(404, 'not_found');
	return { consent: view, youthName: youth.displayName };
};

/** A refusal's status: not yours (403), too many changes this minute (429), else what to fix (400). */
const status = (error: string) => (error === 'not_allowed' ? 403 : error === 'rate_limited' ? 429 : 400);

export const actions: Actions = {
	cosign: async ({ request, locals, params }) => {
		const form = await request.formData();
		const recipient = field(form, 'recipient');
		const result = await cosignConsent(locals.user, params.youthId, {
			giveRecordId: field(form, 'giveRecordId'),
			wording: field(form, 'wording'),
			locale: locals.locale
		});
		if (!result.ok) return fail(status(result.error), { error: result.error, recipient });
		return { done: 'cosigned' as const, recipient };
	},
	withdraw: async ({ request, locals, params }) => {
		const form = await request.formData();
		const recipient = field(form, 'recipient');
		const result = await withdrawConsent(locals.user, params.youthId, {
			recipient,
			wording: field(form, 'wording'),
			locale: locals.locale
		});
		if (!result.ok) return fail(status(result.error), { error: result.error, recipient });
		return { done: 'withdrawn' as const, recipient };
	}
};
