/**
 * What a plan form action answers, on success and on failure: which form it was (`intent`, and
 * the step for per-step forms), the error code and the values typed (kept on failure), and on a
 * conflict the values saved meanwhile. Shared by the actions and the components.
 */
export const PLAN_INTENTS = [
	'markDone',
	'markNotDone',
	'propose',
	'commentStep',
	'agree',
	'createPlan',
	'updateGoal',
	'addStep',
	'updateStep',
	'acceptStep',
	'declineStep',
	'moveStep',
	'removeStep',
	'scheduleMeeting',
	'cancelMeeting',
	'markAgreed',
	'unmarkAgreed',
	'disputeStep',
	'answerDispute'
] as const;
export type PlanIntent = (typeof PLAN_INTENTS)[number];

export interface PlanFormState {
	planForm: true;
	intent: PlanIntent;
	stepId: string | null;
	error: string | null;
	/** The error or the confirmation in the user's language (written by the server, see server/plan/forms.ts). */
	note: string | null;
	values: Record<string, string>;
	current: Record<string, unknown> | null;
}

/** The page's `form` if it is the answer of a plan form (other features' forms share the page). */
export function asPlanForm(form: unknown): PlanFormState | null {
	return form && typeof form === 'object' && (form as { planForm?: unknown }).planForm === true ? (form as PlanFormState) : null;
}

/** True if the last answer was for this form (and this step). */
export function isFor(form: PlanFormState | null, intent: PlanIntent, stepId: string | null = null): form is PlanFormState {
	return !!form && form.intent === intent && form.stepId === stepId;
}
