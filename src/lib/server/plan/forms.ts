/** Turns the plan modules' outcomes into form-action answers (see PlanFormState). */
import { fail } from '@sveltejs/kit';
import type { PlanFormState, PlanIntent } from '$lib/shared/form-state';
import { planErrorText, planOkText } from '$lib/shared/plan-format';
import { field } from '../http';
import type { Outcome } from './history';

/** The named text fields of a form, trimmed ('' when missing). */
export function fields<const K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
	return Object.fromEntries(names.map((n) => [n, field(form, n)])) as Record<K, string>;
}

/** Success, or a 400 (409 on a conflict) that keeps what the user typed. */
export function answer(intent: PlanIntent, outcome: Outcome<string>, values: Record<string, string> = {}, stepId: string | null = null) {
	const state: PlanFormState = {
		planForm: true,
		intent,
		stepId,
		error: outcome.ok ? null : outcome.error,
		// The text is written here, in the user's language: the pages then carry none of the
		// plan's many error and confirmation texts (tests/size-budget.spec.ts).
		note: outcome.ok ? planOkText(intent) : planErrorText(outcome.error),
		values: outcome.ok ? {} : values,
		current: outcome.ok ? null : (outcome.current ?? null)
	};
	if (outcome.ok) return state;
	return fail(outcome.error === 'conflict' || outcome.error === 'stale' ? 409 : 400, state);
}
