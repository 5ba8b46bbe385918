/**
 * The guard that routes and parts call: gathers the facts for one request (`facts.ts`) and
 * applies the pure rules (`rules.ts`). A refusal throws: anonymous users are sent to log in,
 * anyone else gets 404, so that a refusal does not even reveal that the young person exists.
 */
import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from '../auth';
import { relationOf } from './facts';
import { globalRule, rule, stepRule, type Actor, type GlobalAction, type StepAction, type StepFacts, type YouthAction } from './rules';

/** May the actor do this to the young person's data now? */
export function can(actor: Actor, action: YouthAction, youthId: string): boolean {
	if (!actor) return false;
	return rule(actor, action, relationOf(actor, youthId));
}

/** May the actor do this to one step of the young person's plan now? */
export function canOnStep(actor: Actor, action: StepAction, youthId: string, step: StepFacts): boolean {
	if (!actor) return false;
	return stepRule(actor, action, relationOf(actor, youthId), step);
}

/**
 * Throws unless allowed: anonymous users are sent to log in; anyone else gets 404, so that a
 * refusal does not even reveal that the young person exists.
 */
export function authorize(actor: Actor, action: YouthAction, youthId: string): asserts actor is SessionUser {
	if (!actor) redirect(303, '/login');
	if (!can(actor, action, youthId)) error(404, 'not_found');
}

/** Throws unless the actor may do this global action (anonymous: to login; others: 404). */
export function authorizeGlobal(actor: Actor, action: GlobalAction): asserts actor is SessionUser {
	if (!actor) redirect(303, '/login');
	if (!globalRule(actor, action)) error(404, 'not_found');
}

/** May the actor do this global action? For a page that shows or hides a part (no throw). */
export function canGlobal(actor: Actor, action: GlobalAction): boolean {
	return globalRule(actor, action);
}
