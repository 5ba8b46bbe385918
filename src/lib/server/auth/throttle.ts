/**
 * Login throttling with rate-limiter-flexible (a maintained limiter with block durations, so we
 * do not hand-write counters): failed logins are counted per account name and per client
 * address. The same rule applies whether or not the account exists.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface ThrottleOptions {
	perAccount: { points: number; duration: number; blockDuration: number };
	perAddress: { points: number; duration: number; blockDuration: number };
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
	// 5 wrong passwords for one account in 15 minutes: wait 15 minutes.
	perAccount: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
	// 50 failures from one address in 15 minutes (a school shares one address): wait 15 minutes.
	perAddress: { points: 50, duration: 15 * 60, blockDuration: 15 * 60 }
};

export function createLoginThrottle(options: ThrottleOptions = DEFAULT_THROTTLE) {
	const account = new RateLimiterMemory({
		keyPrefix: 'acct',
		...options.perAccount
	});
	const address = new RateLimiterMemory({
		keyPrefix: 'addr',
		...options.perAddress
	});
	const accountKey = (username: string) => username.trim().toLowerCase().slice(0, 100);

	function blockedFor(res: RateLimiterRes | null, points: number): number {
		return res && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
	}

	return {
		/** Seconds to wait before another try, or 0 if a try is allowed now. */
		async retryAfter(username: string, ip: string): Promise<number> {
			const [a, b] = await Promise.all([account.get(accountKey(username)), address.get(ip)]);
			return Math.max(blockedFor(a, options.perAccount.points), blockedFor(b, options.perAddress.points));
		},
		async recordFailure(username: string, ip: string): Promise<void> {
			await Promise.all([
				account.penalty(accountKey(username), 1).then(async (r) => {
					if (r.consumedPoints >= options.perAccount.points) await account.block(accountKey(username), options.perAccount.blockDuration);
				}),
				address.penalty(ip, 1).then(async (r) => {
					if (r.consumedPoints >= options.perAddress.points) await address.block(ip, options.perAddress.blockDuration);
				})
			]);
		},
		async recordSuccess(username: string): Promise<void> {
			await account.delete(accountKey(username));
		}
	};
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

export const loginThrottle = createLoginThrottle();
