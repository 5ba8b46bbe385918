import { error, fail } from '@sveltejs/kit';
import { field } from '$lib/server/http';
import { authorize, linkedParents } from '$lib/server/access';
import { giveConsent, removeParentLink, withdrawConsent } from '$lib/server/consent';
import { consentHistory } from '$lib/server/consent';
import { answerConsentRequest } from '$lib/server/consent';
import { youthConsentView } from '$lib/server/consent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	authorize(locals.user, 'consent.change', locals.user?.id ?? '');
	const view = youthConsentView(locals.user, locals.user.id, locals.locale);
	const history = consentHistory(locals.user, locals.user.id);
	if (!view || !history) error(404, 'not_found');
	return { consent: view, history };
};

/** A refusal's status: not yours (403), too many changes this minute (429), else what to fix (400). */
const status = (error: string) => (error === 'not_allowed' ? 403 : error === 'rate_limited' ? 429 : 400);

export const actions: Actions = {
	give: async ({ request, locals }) => {
		const form = await request.formData();
		const recipient = field(form, 'recipient');
		const kinds = form.getAll('kinds').map(String);
		const result = await giveConsent(locals.user, locals.user?.id ?? '', {
			recipient,
			kinds,
			wording: field(form, 'wording'),
			locale: locals.locale
		});
		if (!result.ok) return fail(status(result.error), { error: result.error, recipient, kinds });
		return { done: result.status === 'waiting_cosign' ? ('waiting' as const) : ('given' as const), recipient };
	},
	withdraw: async ({ request, locals }) => {
		const form = await request.formData();
		const recipient = field(form, 'recipient');
		const result = await withdrawConsent(locals.user, locals.user?.id ?? '', {
			recipient,
			wording: field(form, 'wording'),
			locale: locals.locale
		});
		if (!result.ok) return fail(status(result.error), { error: result.error, recipient, kinds: [] });
		return { done: 'withdrawn' as const, recipient };
	},
	removeParent: async ({ request, locals }) => {
		const form = await request.formData();
		const recipient = field(form, 'recipient');
		// The parent's name, read before the link is gone, for the notice that says it is.
		const name = linkedParents(locals.user?.id ?? '').find((p) => `parent:${p.id}` === recipient)?.displayName ?? '';
		const result = removeParentLink(locals.user, locals.user?.id ?? '', {
			recipient,
			wording: field(form, 'wording'),
			locale: locals.locale
		});
		if (!result.ok) return fail(result.error === 'not_allowed' ? 403 : 400, { error: result.error, recipient, kinds: [] });
		return { done: 'removed' as const, recipient, name };
	},
	answerRequest: async ({ request, locals }) => {
		const form = await request.formData();
		const requestId = field(form, 'requestId');
		const answer = field(form, 'answer');
		const result = await answerConsentRequest(locals.user, locals.user?.id ?? '', {
			requestId,
			answer,
			wording: field(form, 'wording'),
			locale: locals.locale
		});
		const recipient = `request:${requestId}`;
		if (!result.ok) return fail(status(result.error), { error: result.error, recipient, kinds: [] });
		const done =
			answer === 'declined' ? ('declined' as const) : result.status === 'waiting_cosign' ? ('waiting' as const) : ('given' as const);
		return { done, recipient };
	}
};
