/** The two short texts a step takes (StepTextForm): a comment, and a dispute of an agreed step. */
import { m } from '$lib/paraglide/messages.js';

export const COMMENT = { intent: 'commentStep', name: 'body', max: 500 } as const;
export const DISPUTE = { intent: 'disputeStep', name: 'dispute', max: 1000 } as const;

export const commentTexts = () => ({
	add: m.plan_comment_add(),
	label: m.plan_comment_label(),
	help: m.plan_comment_help(),
	submit: m.plan_comment_submit()
});

export const disputeTexts = () => ({
	add: m.plan_dispute_add(),
	label: m.plan_dispute_label(),
	help: m.plan_dispute_help(),
	submit: m.plan_dispute_submit()
});
