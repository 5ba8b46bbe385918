/**
 * Starting a sign-in (a provider's button or link, a passkey) stores a request for ten minutes (its
 * state and verifier, or its challenge) before anyone has shown who they are. So starts are
 * counted per address, with rate-limiter-flexible as the password login is: 60 a minute from one
 * address (a school class behind one address signing in together fits), then a minute's wait. A
 * flood from one address cannot fill the database, and nobody else is held back.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export const SIGN_IN_STARTS = { points: 60, duration: 60, blockDuration: 60 };

/** A counter of starts per address: `take` answers 0 when the start may go ahead, else the seconds to wait. */
export function createSignInStartThrottle(options = SIGN_IN_STARTS) {
	const limiter = new RateLimiterMemory({ keyPrefix: 'sign-in-start', ...options });
	return async function take(address: string): Promise<number> {
		try {
			await limiter.consume(address, 1);
			return 0;
		} catch (e) {
			if (!(e instanceof RateLimiterRes)) throw e;
			return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
		}
	};
}

/** The server's count of sign-in starts. */
export const takeSignInStart = createSignInStartThrottle();

/** Where a start that must wait is sent: the login page, which asks to wait a minute. */
export const BUSY_LOGIN_PAGE = '/login?busy';
