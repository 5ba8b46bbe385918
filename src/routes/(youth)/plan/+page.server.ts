import { currentGuide } from '$lib/server/access';
import {
	agreeToPlan,
	answer,
	commentOnStep,
	disputeStep,
	fields,
	getPlanView,
	listApprovals,
	proposeStep,
	setOwnStepDone
} from '$lib/server/plan';
import { field } from '$lib/server/http';
import { getSettings } from '$lib/server/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const user = locals.user!;
	const settings = getSettings();
	return {
		view: getPlanView(user, user.id),
		approvals: listApprovals(user, user.id) ?? [],
		guideName: currentGuide(user.id)?.displayName ?? null,
		unit: {
			name: settings.unitName,
			phone: settings.unitPhone,
			address: settings.unitAddress,
			email: settings.unitEmail,
			openingHours: settings.openingHours
		}
	};
};

const me = (locals: App.Locals) => locals.user?.id ?? '';

export const actions: Actions = {
	markDone: async ({ request, locals }) => {
		const stepId = field(await request.formData(), 'stepId');
		return answer('markDone', setOwnStepDone(locals.user, me(locals), stepId, true), {}, stepId);
	},
	markNotDone: async ({ request, locals }) => {
		const stepId = field(await request.formData(), 'stepId');
		return answer('markNotDone', setOwnStepDone(locals.user, me(locals), stepId, false), {}, stepId);
	},
	propose: async ({ request, locals }) => {
		const values = fields(await request.formData(), ['title', 'description', 'dueDate']);
		return answer('propose', proposeStep(locals.user, me(locals), values), values);
	},
	commentStep: async ({ request, locals }) => {
		const form = await request.formData();
		const { stepId, body } = fields(form, ['stepId', 'body']);
		return answer('commentStep', commentOnStep(locals.user, me(locals), stepId, { body }), { body }, stepId);
	},
	disputeStep: async ({ request, locals }) => {
		const { stepId, dispute } = fields(await request.formData(), ['stepId', 'dispute']);
		return answer('disputeStep', disputeStep(locals.user, me(locals), stepId, { dispute }), { dispute }, stepId);
	},
	agree: async ({ request, locals }) => {
		const version = field(await request.formData(), 'version');
		return answer('agree', await agreeToPlan(locals.user, me(locals), version));
	}
};
