/**
 * The plan on the staff page of one young person: its load part and its form actions, kept here
 * so the shared page only spreads them in (`...loadStaffPlan(...)`, `...planActions`).
 */
import type { StaffPlanData } from '$lib/shared/plan';
import type { SessionUser } from '$lib/server/auth';
import { field } from '$lib/server/http';
import { cancelMeeting, scheduleMeeting } from '$lib/server/plan';
import { can } from '$lib/server/access';
import { getPlanView, listApprovals } from '$lib/server/plan';
import { answer, fields } from '$lib/server/plan';
import { createPlan, updateGoal } from '$lib/server/plan';
import { listOwnerChoices } from '$lib/server/plan';
import { addStep, commentOnStep, declineStep, moveStep, removeStep, updateStep } from '$lib/server/plan';
import { answerDispute, markStepAgreed, unmarkStepAgreed } from '$lib/server/plan';
import type { Actions } from './$types';

export function loadStaffPlan(user: SessionUser, youthId: string): { plan: StaffPlanData } {
	const read = can(user, 'plan.read', youthId);
	const edit = read && can(user, 'plan.edit', youthId);
	const view = read ? getPlanView(user, youthId) : null;
	return {
		plan: {
			read,
			edit,
			view,
			// The approved versions beside the plan: part of the plan's read just logged.
			approvals: view ? (listApprovals(user, youthId, { planReadLogged: true }) ?? []) : [],
			ownerChoices: edit ? listOwnerChoices(user, youthId) : [],
			department: user.department
		}
	};
}

const GOAL = ['goalType', 'goalText', 'targetDate', 'currentSituation', 'version'] as const;
const STEP = ['title', 'description', 'owner', 'dueDate', 'status', 'version'] as const;
const MEETING = ['startsAt', 'durationMinutes', 'place', 'withWhom', 'bring'] as const;

export const planActions = {
	createPlan: async ({ request, locals, params }) => {
		const values = fields(await request.formData(), GOAL);
		return answer('createPlan', createPlan(locals.user, params.youthId, values), values);
	},
	updateGoal: async ({ request, locals, params }) => {
		const values = fields(await request.formData(), GOAL);
		return answer('updateGoal', updateGoal(locals.user, params.youthId, values), values);
	},
	addStep: async ({ request, locals, params }) => {
		const values = fields(await request.formData(), STEP);
		return answer('addStep', addStep(locals.user, params.youthId, values), values);
	},
	updateStep: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = fields(form, STEP);
		const stepId = field(form, 'stepId');
		return answer('updateStep', updateStep(locals.user, params.youthId, stepId, values), values, stepId);
	},
	acceptStep: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = fields(form, STEP);
		const stepId = field(form, 'stepId');
		return answer('acceptStep', updateStep(locals.user, params.youthId, stepId, values, new Date(), true), values, stepId);
	},
	declineStep: async ({ request, locals, params }) => {
		const { stepId, version } = fields(await request.formData(), ['stepId', 'version']);
		return answer('declineStep', declineStep(locals.user, params.youthId, stepId, version), {}, stepId);
	},
	moveStep: async ({ request, locals, params }) => {
		const { stepId, direction } = fields(await request.formData(), ['stepId', 'direction']);
		return answer('moveStep', moveStep(locals.user, params.youthId, stepId, direction), {}, stepId);
	},
	removeStep: async ({ request, locals, params }) => {
		const { stepId, version } = fields(await request.formData(), ['stepId', 'version']);
		return answer('removeStep', removeStep(locals.user, params.youthId, stepId, version), {}, stepId);
	},
	commentStep: async ({ request, locals, params }) => {
		const { stepId, body } = fields(await request.formData(), ['stepId', 'body']);
		return answer('commentStep', commentOnStep(locals.user, params.youthId, stepId, { body }), { body }, stepId);
	},
	markAgreed: async ({ request, locals, params }) => {
		const { stepId, version } = fields(await request.formData(), ['stepId', 'version']);
		return answer('markAgreed', markStepAgreed(locals.user, params.youthId, stepId, version), {}, stepId);
	},
	unmarkAgreed: async ({ request, locals, params }) => {
		const stepId = field(await request.formData(), 'stepId');
		return answer('unmarkAgreed', unmarkStepAgreed(locals.user, params.youthId, stepId), {}, stepId);
	},
	answerDispute: async ({ request, locals, params }) => {
		const { stepId, answer: text } = fields(await request.formData(), ['stepId', 'answer']);
		return answer('answerDispute', answerDispute(locals.user, params.youthId, stepId, { answer: text }), { answer: text }, stepId);
	},
	scheduleMeeting: async ({ request, locals, params }) => {
		const values = fields(await request.formData(), MEETING);
		return answer('scheduleMeeting', scheduleMeeting(locals.user, params.youthId, values), values);
	},
	cancelMeeting: async ({ request, locals, params }) => {
		const meetingId = field(await request.formData(), 'meetingId');
		return answer('cancelMeeting', cancelMeeting(locals.user, params.youthId, meetingId), {}, meetingId);
	}
} satisfies Actions;
