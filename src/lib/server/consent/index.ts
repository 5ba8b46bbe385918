/**
 * Consent the young person controls (docs/product.md rules 3 and 4): giving, withdrawing and co-
 * signing, the guide's questions, the history, and what each person is shown. The state in force
 * that the policy enforces is derived in access/consent-state.ts. Routes import this part only
 * through this entry.
 * The shapes it hands the pages are typed in src/lib/shared/consent.ts.
 */
export { cosignConsent, giveConsent, removeParentLink, withdrawConsent } from './changes';
export { CONSENT_CHANGES_PER_MINUTE, setConsentRateLimit } from './limits';
export { consentHistory, consentHistoryExport } from './history';
export { answerConsentRequest, askForConsent, consentRequestCount } from './requests';
export { parentConsentView, parentConsentViews, staffConsentView, youthConsentView } from './views';
export { wordingVersionFor } from './wording';
