/**
 * Passkeys (issue 19): "use this phone's screen lock next time" for young people and parents,
 * signing in with it, and the person's own list. Routes import this part only through this entry.
 */
export { CHALLENGE_LIFETIME_MS } from './challenges';
export { listPasskeys, removePasskey } from './manage';
export type { PasskeyView } from './manage';
export { MAX_PASSKEYS, finishPasskeyRegistration, startPasskeyRegistration } from './register';
export type { RegistrationProblem } from './register';
export { finishPasskeySignIn, startPasskeySignIn } from './sign-in';
export type { PasskeySignIn } from './sign-in';
export { siteOf } from './site';
export type { Site } from './site';
export { readPasskeyRequest } from './http';
