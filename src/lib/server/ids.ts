import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random id with `bytes`×8 bits of entropy, safe for URLs. */
export function newId(bytes = 15): string {
	const buf = new Uint8Array(bytes);
	crypto.getRandomValues(buf);
	return encodeBase32LowerCaseNoPadding(buf);
}
