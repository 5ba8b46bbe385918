import { error, fail, type Action } from '@sveltejs/kit';
import { field } from '$lib/server/http';
import { guideDirectory } from '$lib/server/guides';
import { requestFields, sendRequest, withdrawRequest } from '$lib/server/guides';
import { parentRequests } from '$lib/server/guides';
import { listChildren } from '$lib/server/people';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const info = parentRequests(locals.user, params.youthId);
	const child = listChildren(locals.user!).find((c) => c.id === params.youthId);
	if (!child) error(404, 'not_found');
	return { child: { id: child.id, displayName: child.displayName }, info, directory: guideDirectory(locals.user) };
};

const send =
	(kind: 'pick' | 'change'): Action<{ youthId: string }> =>
	async ({ request, locals, params }) => {
		const values = requestFields(await request.formData());
		const result = sendRequest(locals.user, params.youthId, kind, values);
		if (!result.ok) return fail(400, { kind, errors: result.errors, values });
		return { notice: 'sent' as const };
	};

export const actions: Actions = {
	pick: send('pick'),
	change: send('change'),
	withdraw: async ({ request, locals }) => {
		if (!withdrawRequest(locals.user, field(await request.formData(), 'requestId'))) {
			return fail(409, { kind: 'action', errors: ['action'] });
		}
		return { notice: 'withdrawn' as const };
	}
};
