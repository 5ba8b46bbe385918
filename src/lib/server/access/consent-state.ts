/**
 * Consent is a record, not a flag (docs/product.md rule 3): giving, co-signing and withdrawing each
 * append an immutable record, and the state in force is derived from the records here.
 */
import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { db, prepareOnce } from '../db';
import { inJsonIds } from '../db/slices';
import { consentRecords, DEPARTMENTS, parentLinks, users, type ConsentRecord, type DataKind, type Department } from '../db/schema';
import { ageOn } from '../dates';
import { getSettings } from '../settings';
import type { ConsentStatus } from '../../shared/consent';

export type ConsentRecipient = { kind: 'department'; department: Department } | { kind: 'parent'; parentId: string };

export interface ConsentState {
	recipient: ConsentRecipient;
	status: ConsentStatus;
	dataKinds: DataKind[];
	/** The give record the state rests on (for co-signing). */
	giveRecordId: string | null;
	since: Date | null;
	/** Who made the last change: the young person or a custody holder. */
	lastActorId: string | null;
}

export function recipientKey(r: ConsentRecipient): string {
	return r.kind === 'department' ? `department:${r.department}` : `parent:${r.parentId}`;
}

function recipientOf(record: ConsentRecord): ConsentRecipient {
	return record.recipientKind === 'department'
		? { kind: 'department', department: record.department! }
		: { kind: 'parent', parentId: record.parentId! };
}

export interface YouthFacts {
	id: string;
	birthDate: string;
}

/**
 * Folds a young person's records (oldest first) into the state per recipient.
 * - A give by the young person to a department while under the self-consent age waits for a
 *   custody holder's co-signature; to a parent it takes effect at once.
 * - A co-sign of the pending give makes it active; a co-sign of anything else changes nothing.
 * - A withdrawal always takes effect, whoever of the young person or a custody holder makes it.
 */
export function deriveConsentStates(
	records: readonly ConsentRecord[],
	youth: YouthFacts,
	selfConsentAge: number
): Map<string, ConsentState> {
	const states = new Map<string, ConsentState>();
	for (const record of records) {
		const recipient = recipientOf(record);
		const key = recipientKey(recipient);
		const current = states.get(key) ?? {
			recipient,
			status: 'none',
			dataKinds: [],
			giveRecordId: null,
			since: null,
			lastActorId: null
		};
		if (record.action === 'give') {
			const needsCosign =
				recipient.kind === 'department' && record.actorId === youth.id && ageOn(youth.birthDate, record.createdAt) < selfConsentAge;
			states.set(key, {
				recipient,
				status: needsCosign ? 'waiting_cosign' : 'active',
				dataKinds: [...record.dataKinds],
				giveRecordId: record.id,
				since: record.createdAt,
				lastActorId: record.actorId
			});
		} else if (record.action === 'cosign') {
			if (current.status === 'waiting_cosign' && current.giveRecordId === record.cosignOf) {
				states.set(key, {
					...current,
					status: 'active',
					since: record.createdAt,
					lastActorId: record.actorId
				});
			}
		} else {
			states.set(key, {
				...current,
				status: 'withdrawn',
				since: record.createdAt,
				lastActorId: record.actorId
			});
		}
	}
	return states;
}

/** Every consent record of these young people, in insertion order (built once, issue 23). */
const recordsOf = prepareOnce((database) =>
	database
		.select(getTableColumns(consentRecords))
		.from(consentRecords)
		.where(inJsonIds(consentRecords.youthId))
		.orderBy(sql`rowid`)
		.prepare()
);

export function loadConsentRecords(youthId: string): ConsentRecord[] {
	return db()
		.select()
		.from(consentRecords)
		.where(eq(consentRecords.youthId, youthId))
		.orderBy(sql`rowid`) // insertion order, also within one millisecond
		.all();
}

/** Each young person's records in insertion order, for many young people at once. */
export function loadConsentRecordsOf(youthIds: readonly string[]): Map<string, ConsentRecord[]> {
	const byYouth = new Map<string, ConsentRecord[]>();
	const rows = youthIds.length ? recordsOf().all({ ids: JSON.stringify(youthIds) }) : [];
	for (const r of rows) {
		const list = byYouth.get(r.youthId);
		if (list) list.push(r);
		else byYouth.set(r.youthId, [r]);
	}
	return byYouth;
}

/** The data kinds a recipient may see right now (empty unless a consent is in force). */
export function kindsInForce(states: Map<string, ConsentState>, recipient: ConsentRecipient): Set<DataKind> {
	const state = states.get(recipientKey(recipient));
	return new Set(state?.status === 'active' ? state.dataKinds : []);
}

/** `department:uu` or `parent:<id>` back to a recipient (null when malformed). */
export function parseRecipientKey(key: string): ConsentRecipient | null {
	const [kind, value, ...rest] = key.split(':');
	if (rest.length || !value) return null;
	if (kind === 'department') {
		return (DEPARTMENTS as readonly string[]).includes(value) ? { kind: 'department', department: value as Department } : null;
	}
	if (kind === 'parent' && /^[a-z0-9]{1,64}$/.test(value)) return { kind: 'parent', parentId: value };
	return null;
}

/** The states in force for a young person right now, read from the records (never cached). */
export function currentConsentStates(youth: YouthFacts): Map<string, ConsentState> {
	return deriveConsentStates(loadConsentRecords(youth.id), youth, getSettings().selfConsentAge);
}

export interface ConsentYouth extends YouthFacts {
	displayName: string;
}

/** The young person a consent is about (null unless an active young person). */
export function consentYouth(youthId: string): ConsentYouth | null {
	const row = db()
		.select({ id: users.id, birthDate: users.birthDate, displayName: users.displayName, role: users.role, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.id, youthId))
		.get();
	if (!row || row.role !== 'youth' || !row.birthDate || row.disabledAt) return null;
	return { id: row.id, birthDate: row.birthDate, displayName: row.displayName };
}

export interface LinkedParent {
	id: string;
	displayName: string;
	custody: boolean;
}

/** The parents linked to a young person, custody holders first. */
export function linkedParents(youthId: string): LinkedParent[] {
	return db()
		.select({ id: users.id, displayName: users.displayName, custody: parentLinks.custody })
		.from(parentLinks)
		.innerJoin(users, eq(users.id, parentLinks.parentId))
		.where(and(eq(parentLinks.youthId, youthId), isNull(users.disabledAt)))
		.all()
		.sort((a, b) => Number(b.custody) - Number(a.custody) || a.displayName.localeCompare(b.displayName, 'da'));
}

export function firstName(displayName: string): string {
	return displayName.split(' ')[0] ?? displayName;
}
