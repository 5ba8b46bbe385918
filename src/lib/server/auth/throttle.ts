/**
 * Login throttling with rate-limiter-flexible (a maintained limiter; its in-memory `consume` is
 * atomic, so parallel attempts cannot all slip past a check made before they are counted).
 *
 * Every attempt is taken from the limiters *before* the password is checked, and given back
 * when it succeeds. The buckets follow the library's own advice for login endpoints, so that a
 * stranger cannot lock a person out by guessing at their username:
 * - per account and address: 5 attempts in 15 minutes, then 15 minutes' wait, for that account
 *   from that address only (a stranger elsewhere does not hold the real person back);
 * - per account and known device: the same, on a device the person signed in on before, which
 *   does not share a bucket with strangers at all;
 * - per account from devices it does not know: 100 failures a day from all addresses together
 *   (slow, distributed guessing), then an hour's wait, but never for the person's own devices;
 * - per address: 50 in 15 minutes (a school shares one address), for every account.
 * Unknown and known usernames are treated alike.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

interface Bucket {
	points: number;
	duration: number;
	blockDuration: number;
}

export interface ThrottleOptions {
	perAccountAndAddress: Bucket;
	perAccountFromUnknownDevices: Bucket;
	perAddress: Bucket;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
	perAccountAndAddress: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
	perAccountFromUnknownDevices: { points: 100, duration: 24 * 60 * 60, blockDuration: 60 * 60 },
	perAddress: { points: 50, duration: 15 * 60, blockDuration: 15 * 60 }
};

/** One login attempt: who it is for, from where, and the known device it comes from (if any). */
export interface Attempt {
	/** The normalised username (see `normalizeUsername`). */
	username: string;
	address: string;
	/** An id of the known device this attempt comes from, or null for a device never seen with this account. */
	deviceId: string | null;
}

export function createLoginThrottle(options: ThrottleOptions = DEFAULT_THROTTLE) {
	const limiter = (keyPrefix: string, b: Bucket) => new RateLimiterMemory({ keyPrefix, ...b });
	const perSource = limiter('acct-src', options.perAccountAndAddress);
	const perAccount = limiter('acct', options.perAccountFromUnknownDevices);
	const perAddress = limiter('addr', options.perAddress);

	const sourceKey = (a: Attempt) => (a.deviceId ? `dev:${a.deviceId}:${a.username}` : `ip:${a.address}:${a.username}`);
	const buckets = (a: Attempt): [RateLimiterMemory, string][] => [
		[perSource, sourceKey(a)],
		[perAddress, a.address],
		...(a.deviceId ? [] : ([[perAccount, a.username]] as [RateLimiterMemory, string][]))
	];

	return {
		/**
		 * Takes the attempt from every bucket it counts against. Returns 0 when it may go ahead, or
		 * the seconds to wait. Call this before checking the password.
		 */
		async take(a: Attempt): Promise<number> {
			const results = await Promise.allSettled(buckets(a).map(([l, key]) => l.consume(key, 1)));
			let wait = 0;
			for (const r of results) {
				if (r.status === 'fulfilled') continue;
				if (!(r.reason instanceof RateLimiterRes)) throw r.reason;
				wait = Math.max(wait, Math.max(1, Math.ceil(r.reason.msBeforeNext / 1000)));
			}
			return wait;
		},
		/** The password was right: the attempt is given back, and this source starts afresh. */
		async succeeded(a: Attempt): Promise<void> {
			await Promise.all([
				perSource.delete(sourceKey(a)),
				perAddress.reward(a.address, 1),
				a.deviceId ? null : perAccount.reward(a.username, 1)
			]);
		}
	};
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

export const loginThrottle = createLoginThrottle();
