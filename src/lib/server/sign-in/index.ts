/**
 * Signing in with an outside identity provider (issue 19): OpenID Connect (UNI-Login for young
 * people and parents, Entra ID or AD FS for staff), the protocol-neutral linking of a verified
 * identity to a Minvej account, SAML beside it (MitID through NemLog-in, KOMBIT's Context Handler)
 * using the same linking, a person's linked sign-ins, and logging out at the provider. Routes
 * import this part only through this entry.
 */
export { findPendingLink, LINK_COOKIE, linkCookieOptions, linkWithCode, resolveIdentity } from './link';
export type { IdentityOutcome, LinkOutcome, Refusal, VerifiedIdentity } from './link';
export { listLinkedSignIns, offersLinkedSignIns, removeLinkedSignIn } from './linked';
export type { LinkedSignInView, RemoveProblem } from './linked';
export { finishOidcSignIn, OIDC_STATE_COOKIE, oidcRedirectUri, providerOrigins, startOidcSignIn, stateCookieOptions } from './oidc';
export type { CallbackProblem } from './oidc';
export { audienceOf, signInButtons } from './providers';
export { finishSamlSignIn, SAML_REQUEST_COOKIE, samlCookieOptions, buildSpMetadata, startSamlSignIn } from './saml';
export type { SamlProblem } from './saml';
export { samlProviderOrigins } from './saml-metadata';
export type { SignInButton } from './providers';
export { completeSignIn, logOut, startProviderSession } from './session';
export { scheduleSignInPurge } from './purge';
