export { cosignConsent, giveConsent, withdrawConsent } from './changes';
export { consentHistory, consentHistoryExport } from './history';
export { answerConsentRequest, askForConsent, consentRequestCount } from './requests';
export { parentConsentView, parentConsentViews, staffConsentView, youthConsentView } from './views';
export { wordingVersionFor } from './wording';
