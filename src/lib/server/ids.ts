import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { monotonicFactory } from 'ulid';

/** A random id with `bytes`×8 bits of entropy, safe for URLs. */
export function newId(bytes = 15): string {
	const buf = new Uint8Array(bytes);
	crypto.getRandomValues(buf);
	return encodeBase32LowerCaseNoPadding(buf);
}

const nextUlid = monotonicFactory();

/**
 * A time-ordered id (a ULID: 48 bits of the millisecond time, then 80 random bits, 26 characters
 * of Crockford base32) for rows written often into a large table, such as the access log (issue 23):
 * each new id sorts after the last, so an insert lands on the right edge of the primary key's
 * B-tree instead of on a random page of it. Within one millisecond the random part counts up, so
 * ids made in a tight loop stay unique and in order. `at`: the time the row is about (never before
 * the last id's: an id stays after the one made before it).
 */
export function newTimeOrderedId(at: Date = new Date()): string {
	return nextUlid(at.getTime());
}
