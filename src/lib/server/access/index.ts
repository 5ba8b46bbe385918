export { recordAccess, recordAccesses } from './access-log';
export { consentYouth, currentConsentStates, firstName, linkedParents, loadConsentRecords, parseRecipientKey, recipientKey } from './consent-state';
export type { ConsentRecipient, ConsentState, ConsentStatus, ConsentYouth } from './consent-state';
export { currentGuideIds, relationOf, relationsOf } from './facts';
export { authorize, authorizeGlobal, can, canGlobal, canOnStep } from './guard';
export { scheduleRetention } from './retention';
export { NO_RELATION, rule, stepRule, threadRule } from './rules';
export type { Actor, Relation, StepAction, YouthAction } from './rules';
