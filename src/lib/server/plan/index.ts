/**
 * The single plan (docs/product.md rule 1): reading it for whoever may see it, the goal and
 * agreement, steps, meetings, history, the staff overview, and the forms' input rules. Routes
 * import this part only through this entry.
 * The shapes it hands the pages are typed in src/lib/shared/plan.ts.
 */
export { answer, fields } from './forms';
export { agreeToPlan, createPlan, GOAL_TEXT_MAX, importGoal, updateGoal } from './goal';
export { listOwnerChoices } from './input';
export { meetingCalendar } from './calendar';
export { remindOfMeetingsTomorrow, scheduleMeetingReminders } from './reminders';
export { cancelMeeting, meetingToCancel, scheduleMeeting } from './meetings';
export { listCaseloadPage } from './caseload';
export { getPlanSummary } from './overview';
export { addStep, commentOnStep, declineStep, moveStep, proposeStep, removeStep, setOwnStepDone, stepToRemove, updateStep } from './steps';
export { answerDispute, disputeStep, markStepAgreed, unmarkStepAgreed } from './disputes';
export { getPlanView, readSharedPlan } from './view';
export { approvalPdf, approvalPdfsMade, approvalToCosign, completeApprovalPdfs, cosignPlan, listApprovals } from './approval';
export type { ApprovalView, CosignError } from './approval';
