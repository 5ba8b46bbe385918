/**
 * Authentication: sessions the Lucia way (and the devices they were made on, listed and ended by
 * their person), passwords, login throttling, invite codes, logout, and where each role lands.
 * Routes import this part only through this entry.
 */
export { changePassword } from './change-password';
export type { ChangePasswordProblem } from './change-password';
export { LOCALE_COOKIE, localeCookieOptions, sessionCookieOptions } from './cookie';
export { describeDevice, deviceParts } from './device';
export { DEVICE_COOKIE, DEVICE_LIFETIME_MS, rememberDevice } from './devices';
export { homeFor } from './home';
export { INVITE_LIFETIME_MS, createInvite, createSignInCode, findOpenInvite, findOpenSignInCode } from './invite';
export { saveLocale, storedLocale } from './locale';
export { logIn, normalizeUsername } from './login';
export { endSession } from './logout';
export { checkNewPassword, hashPassword } from './password';
export type { PasswordProblem } from './password';
export {
	SESSION_COOKIE,
	SESSION_LIMITS,
	createSession,
	endAllSessions,
	endOtherSessions,
	endSessionByHandle,
	invalidateSession,
	invalidateUserSessions,
	limitsFor,
	listSessions,
	recordSessionDevice,
	scheduleSessionPurge,
	sessionOrigin,
	validateSession
} from './session';
export type { SessionOrigin, SessionUser, SessionView } from './session';
export { createLoginThrottle } from './throttle';
export { BUSY_LOGIN_PAGE, takeSignInStart } from './sign-in-starts';
