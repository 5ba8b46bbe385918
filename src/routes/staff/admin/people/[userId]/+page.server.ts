import { error, fail } from '@sveltejs/kit';
import { changeStaff, disableStaff, issueSignInCode, leaverHandover, staffPerson } from '$lib/server/admin';
import { field } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['role', 'department', 'displayName', 'title', 'workplace', 'languages', 'capacity', 'externalLogin'];

export const load: PageServerLoad = ({ locals, params }) => {
	const person = staffPerson(locals.user, params.userId);
	if (!person) error(404, 'not_found');
	return { person, handover: person.disabledAt ? null : leaverHandover(locals.user, person.id) };
};

export const actions: Actions = {
	change: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = Object.fromEntries(FIELDS.map((name) => [name, field(form, name)]));
		const result = changeStaff(locals.user, params.userId, values);
		if (!result) error(404, 'not_found');
		if (!result.ok) return fail(400, { action: 'change' as const, values, errors: result.errors, problem: result.problem ?? null });
		return { action: 'change' as const, changed: result.changed };
	},
	code: async ({ request, locals, params, url }) => {
		// Earlier codes stop working: the coordinator confirms it.
		if ((await request.formData()).get('confirm') !== 'on') return fail(400, { action: 'code' as const, confirm: true });
		const result = issueSignInCode(locals.user, params.userId);
		if (!result) return fail(409, { action: 'code' as const, problem: 'disabled' as const });
		return { action: 'code' as const, link: `${url.origin}/invite/${result.code}`, expiresAt: result.expiresAt };
	},
	disable: async ({ request, locals, params }) => {
		const form = await request.formData();
		if (form.get('confirm') !== 'on') return fail(400, { action: 'disable' as const, confirm: true, handover: {}, all: field(form, 'all'), each: {} });
		const each = new Map<string, string>();
		for (const [name, value] of form) if (name.startsWith('to_') && typeof value === 'string') each.set(name.slice(3, 70), value);
		const all = field(form, 'all');
		const result = disableStaff(locals.user, params.userId, { all, each });
		if (!result) error(404, 'not_found');
		if (!result.ok)
			return fail(result.problem === 'handover' ? 400 : 409, {
				action: 'disable' as const,
				problem: result.problem,
				handover: result.handover ?? {},
				all,
				each: Object.fromEntries(each)
			});
		return { action: 'disable' as const, handedOver: result.handedOver };
	}
};
