/** Labels and messages for the plan's pages (the same on the server and in the browser). */
import { m } from '$lib/paraglide/messages.js';
import { formatDateTime } from './plan-dates';
import { departmentLabel } from '$lib/shared/labels';
import type { Department, StepOwnerKind, StepStatus } from '$lib/shared/domain';

// The dates live in their own module without any texts, so that a page which shows only a date
// (the front page's plan card) does not download every label and message of the plan.
export { formatDate, formatDateTime, formatDay, formatShort, machineTime } from './plan-dates';

export function statusLabel(status: StepStatus): string {
	return {
		proposed: m.plan_status_proposed,
		todo: m.plan_status_todo,
		doing: m.plan_status_doing,
		done: m.plan_status_done,
		declined: m.plan_status_declined
	}[status]();
}

export interface OwnerFacts {
	ownerKind: StepOwnerKind;
	ownerDepartment: Department | null;
	ownerName: string | null;
	/** The owner cannot see the plan and is not named to this viewer (see StepView). */
	ownerHidden?: boolean;
}

/** Who owns a step, as the viewer reads it ("Dig" for the young person themself). */
export function ownerLabel(step: OwnerFacts, viewerIsYouth: boolean): string {
	if (step.ownerHidden) return viewerIsYouth ? m.plan_owner_hidden_youth() : m.plan_owner_hidden();
	switch (step.ownerKind) {
		case 'youth':
			return viewerIsYouth ? m.plan_owner_you() : (step.ownerName ?? '');
		case 'guide':
			return step.ownerName ? m.plan_owner_guide({ name: step.ownerName }) : m.plan_owner_guide_unknown();
		case 'department':
			return step.ownerDepartment ? departmentLabel(step.ownerDepartment) : '';
		case 'caseworker':
			return step.ownerName && step.ownerDepartment
				? m.plan_owner_caseworker({ name: step.ownerName, department: departmentLabel(step.ownerDepartment) })
				: step.ownerDepartment
					? departmentLabel(step.ownerDepartment)
					: '';
	}
}

export interface HistoryFacts {
	action: string;
	details: Record<string, string>;
	actorName: string | null;
	byViewer: boolean;
}

/** One line of the plan's history in plain language. */
export function historyText(entry: HistoryFacts): string {
	const who = entry.byViewer ? m.plan_history_you() : (entry.actorName ?? m.plan_history_someone());
	const title = entry.details.title ?? '';
	const when = entry.details.startsAt ? formatDateTime(entry.details.startsAt) : '';
	const place = entry.details.place ?? '';
	switch (entry.action) {
		case 'plan_created':
			return m.plan_history_plan_created({ who });
		case 'goal_changed':
			return m.plan_history_goal_changed({ who });
		case 'step_added':
			return m.plan_history_step_added({ who, title });
		case 'step_changed':
			return m.plan_history_step_changed({ who, title });
		case 'step_status_changed':
			return m.plan_history_step_status_changed({ who, title, status: statusLabel((entry.details.status ?? 'todo') as StepStatus) });
		case 'step_done':
			return m.plan_history_step_done({ who, title });
		case 'step_reopened':
			return m.plan_history_step_reopened({ who, title });
		case 'step_removed':
			return m.plan_history_step_removed({ who, title });
		case 'steps_reordered':
			return m.plan_history_steps_reordered({ who, title });
		case 'step_proposed':
			return m.plan_history_step_proposed({ who, title });
		case 'step_accepted':
			return m.plan_history_step_accepted({ who, title });
		case 'step_declined':
			return m.plan_history_step_declined({ who, title });
		case 'meeting_scheduled':
			return m.plan_history_meeting_scheduled({ who, when, place });
		case 'meeting_cancelled':
			return m.plan_history_meeting_cancelled({ who, when });
		case 'plan_agreed':
			return m.plan_history_plan_agreed({ who });
		case 'plan_cosigned':
			return m.plan_history_plan_cosigned({ who });
		case 'step_agreed':
			return m.plan_history_step_agreed({ who, title });
		case 'step_unagreed':
			return m.plan_history_step_unagreed({ who, title });
		case 'step_disputed':
			return m.plan_history_step_disputed({ who, title });
		case 'dispute_answered':
			return m.plan_history_dispute_answered({ who, title });
		default:
			return m.plan_history_other({ who });
	}
}

/** The message for an error code a plan form returned. */
export function planErrorText(code: string | null | undefined): string | null {
	if (!code) return null;
	const texts: Record<string, () => string> = {
		goal_type: m.plan_error_goal_type,
		goal_text: m.plan_error_goal_text,
		target_date: m.plan_error_target_date,
		situation: m.plan_error_situation,
		title: m.plan_error_title,
		description: m.plan_error_description,
		owner: m.plan_error_owner,
		owner_not_permitted: m.plan_error_owner_not_permitted,
		due_date: m.plan_error_due_date,
		status: m.plan_error_status,
		comment: m.plan_error_comment,
		starts_at: m.plan_error_starts_at,
		duration: m.plan_error_duration,
		place: m.plan_error_place,
		with_whom: m.plan_error_with_whom,
		bring: m.plan_error_bring,
		dispute: m.plan_error_dispute,
		answer: m.plan_error_answer,
		not_agreed: m.plan_error_not_agreed,
		dispute_open: m.plan_error_dispute_open,
		no_dispute: m.plan_error_no_dispute,
		version: m.plan_error_version,
		conflict: m.plan_error_conflict,
		stale: m.plan_error_stale,
		no_plan: m.plan_error_no_plan,
		exists: m.plan_error_exists,
		not_found: m.plan_error_not_found
	};
	return (texts[code] ?? m.plan_error_state)();
}

/** The confirmation shown after a plan form succeeded. */
export function planOkText(intent: string | null | undefined): string | null {
	if (!intent) return null;
	const texts: Record<string, () => string> = {
		propose: m.plan_ok_proposed,
		markDone: m.plan_ok_done,
		markNotDone: m.plan_ok_reopened,
		commentStep: m.plan_ok_comment,
		agree: m.plan_ok_agreed,
		createPlan: m.plan_ok_created,
		updateGoal: m.plan_ok_goal,
		addStep: m.plan_ok_step_added,
		updateStep: m.plan_ok_step_saved,
		removeStep: m.plan_ok_step_removed,
		moveStep: m.plan_ok_step_moved,
		acceptStep: m.plan_ok_accepted,
		declineStep: m.plan_ok_declined,
		scheduleMeeting: m.plan_ok_meeting,
		cancelMeeting: m.plan_ok_meeting_cancelled,
		markAgreed: m.plan_ok_marked_agreed,
		unmarkAgreed: m.plan_ok_unmarked_agreed,
		disputeStep: m.plan_ok_disputed,
		answerDispute: m.plan_ok_dispute_answered
	};
	return texts[intent]?.() ?? null;
}

/** The owner select's value for a step (see resolveOwner on the server). */
export function ownerValueOf(step: { ownerKind: StepOwnerKind; ownerDepartment: Department | null; ownerUserId: string | null }): string {
	if (step.ownerKind === 'caseworker' && step.ownerUserId) return `caseworker:${step.ownerUserId}`;
	if (step.ownerKind === 'department' || step.ownerKind === 'caseworker') return `department:${step.ownerDepartment}`;
	return step.ownerKind;
}
