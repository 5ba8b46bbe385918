import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id minimum: m=19 MiB, t=2, p=1. (`algorithm: 2` is Argon2id.) */
const PARAMS = {
	algorithm: 2,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
} as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function hashPassword(password: string): Promise<string> {
	return hash(password, PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// A hash to verify against when the username does not exist, so that a wrong username takes as
// long as a wrong password and the answer's timing does not tell whether an account exists.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
	dummyHash ??= hashPassword('minvej-no-such-user-' + crypto.randomUUID());
	await verifyPassword(await dummyHash, password);
	return false;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'username';

/** Length rules (NIST 800-63B): at least 10 characters, no composition rules. */
export function checkNewPassword(password: string, username: string): PasswordProblem | null {
	if ([...password].length < PASSWORD_MIN) return 'too_short';
	if ([...password].length > PASSWORD_MAX) return 'too_long';
	if (username && password.toLowerCase().includes(username.toLowerCase())) return 'username';
	return null;
}
