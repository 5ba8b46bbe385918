import type { Cookies } from '@sveltejs/kit';
import { invalidateSession, SESSION_COOKIE } from './session';

export function endSession(sessionId: string | null, cookies: Cookies) {
	if (sessionId) invalidateSession(sessionId);
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
