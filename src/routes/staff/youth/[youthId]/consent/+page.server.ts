import { error, fail } from '@sveltejs/kit';
import { field } from '$lib/server/http';
import { authorize } from '$lib/server/access';
import { consentYouth } from '$lib/server/access';
import { askForConsent } from '$lib/server/consent';
import { staffConsentView } from '$lib/server/consent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	authorize(locals.user, 'consent.read', params.youthId);
	const view = staffConsentView(locals.user, params.youthId, locals.locale);
	const youth = consentYouth(params.youthId);
	if (!view || !youth) error(404, 'not_found');
	return { consent: view, youthName: youth.displayName };
};

export const actions: Actions = {
	ask: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = { department: field(form, 'department'), message: field(form, 'message') };
		const result = askForConsent(locals.user, params.youthId, values);
		if (!result.ok) return fail(result.error === 'not_allowed' ? 403 : 400, { error: result.error, values });
		return { asked: values.department };
	}
};
