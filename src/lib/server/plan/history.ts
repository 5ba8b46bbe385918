/**
 * The plan's history and versions, shared by every change to a plan (docs/product.md rule 1: every
 * change is kept in a history the young person can read).
 *
 * `plans.version` is the version of the plan's content: the goal and the steps the plan holds.
 * A change by staff to that content raises it, so a young person who agreed to an older version
 * is asked to look again. Status changes, comments, proposals and meetings do not raise it.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db';
import { planHistory, plans } from '../db/schema';
import { newId } from '../ids';

/** The changes the history can describe; each has a plain-language message on the page. */
export const HISTORY_ACTIONS = [
	'plan_created',
	'goal_changed',
	'step_added',
	'step_changed',
	'step_status_changed',
	'step_done',
	'step_reopened',
	'step_removed',
	'steps_reordered',
	'step_proposed',
	'step_accepted',
	'step_declined',
	'meeting_scheduled',
	'meeting_cancelled',
	'plan_agreed',
	'plan_cosigned',
	'step_agreed',
	'step_unagreed',
	'step_disputed',
	'dispute_answered'
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** A transaction handle (better-sqlite3: synchronous). */

export function noteChange(
	tx: Tx,
	planId: string,
	actorId: string | null,
	action: HistoryAction,
	details: Record<string, string>,
	now: Date
) {
	tx.insert(planHistory).values({ id: newId(), planId, actorId, action, details, createdAt: now }).run();
}

/** Marks the plan as changed; `content` also raises its version (the young person looks again). */
export function touchPlan(tx: Tx, planId: string, now: Date, content: boolean) {
	tx.update(plans)
		.set(content ? { updatedAt: now, version: sql`${plans.version} + 1` } : { updatedAt: now })
		.where(eq(plans.id, planId))
		.run();
}

/** The result of a change: done, or a problem the form shows in the user's language. */
export type Outcome<E extends string, T = object> = ({ ok: true } & T) | { ok: false; error: E; current?: Record<string, unknown> };
