/**
 * Access: the one place that decides who may see or change a young person's data (docs/product.md
 * rule 2), the facts it decides on (guide assignment, parent links, consent in force), who the
 * current guide is, and the access log every read by someone else is written to. Routes import
 * this part only through this entry.
 */
export { groupAccessLog, logAccessesOf, recordAccess, recordAccesses, recordAccessesAtOnce } from './access-log';
export type { AccessRow } from './access-log';
export {
	consentYouth,
	currentConsentStates,
	firstName,
	linkedParents,
	loadConsentRecords,
	parseRecipientKey,
	recipientKey
} from './consent-state';
export type { ConsentRecipient, ConsentState, ConsentYouth } from './consent-state';
export {
	awayGuideIds,
	currentAssignment,
	currentGuide,
	currentGuideId,
	currentGuideIds,
	currentGuides,
	youthOfGuide
} from './current-guide';
export { ownerAccessOf, relationOf, relationsOf } from './facts';
export { authorize, authorizeGlobal, can, canGlobal, canOnStep } from './guard';
export { scheduleRetention } from './retention';
export { ADULT_AGE, NO_RELATION, ownerRule, rule, stepRule, threadRule } from './rules';
export type { Actor, OwnerAccess, Relation, StepAction, StepFacts, YouthAction } from './rules';
