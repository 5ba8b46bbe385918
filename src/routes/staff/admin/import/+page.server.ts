import { fail } from '@sveltejs/kit';
import { authorizeGlobal } from '$lib/server/access';
import { applyUpload, checkUpload, MAX_IMPORT_BYTES } from '$lib/server/admin';
import { field } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'caseload.import');
	return { maxBytes: MAX_IMPORT_BYTES };
};

export const actions: Actions = {
	check: async ({ request, locals }) => {
		authorizeGlobal(locals.user, 'caseload.import');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { action: 'check' as const, missing: true });
		const bytes = file.size > MAX_IMPORT_BYTES ? new Uint8Array(MAX_IMPORT_BYTES + 1) : new Uint8Array(await file.arrayBuffer());
		const { check, batchId } = checkUpload(locals.user, file.name, bytes);
		if (!batchId) return fail(400, { action: 'check' as const, check });
		return { action: 'check' as const, check, batchId };
	},
	apply: async ({ request, locals, url }) => {
		const result = applyUpload(locals.user, field(await request.formData(), 'batchId').slice(0, 64));
		if (!result) return fail(409, { action: 'apply' as const, stale: true });
		if (!result.ok) return fail(409, { action: 'check' as const, check: result.check });
		return {
			action: 'apply' as const,
			counts: result.counts,
			codes: result.codes.map((c) => ({ ...c, link: `${url.origin}/invite/${c.code}` }))
		};
	}
};
