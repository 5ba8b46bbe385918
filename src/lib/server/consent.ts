/**
 * Consent is a record, not a flag (DESIGN.md rule 3): giving, co-signing and withdrawing each
 * append an immutable record, and the state in force is derived from the records here.
 */
import { eq, sql } from 'drizzle-orm';
import { db } from './db';
import { consentRecords, type ConsentRecord, type DataKind, type Department } from './db/schema';
import { ageOn } from './dates';

export type ConsentRecipient = { kind: 'department'; department: Department } | { kind: 'parent'; parentId: string };

export type ConsentStatus = 'none' | 'active' | 'waiting_cosign' | 'withdrawn';

export interface ConsentState {
	recipient: ConsentRecipient;
	status: ConsentStatus;
	dataKinds: DataKind[];
	/** The give record the state rests on (for co-signing). */
	giveRecordId: string | null;
	since: Date | null;
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
			since: null
		};
		if (record.action === 'give') {
			const needsCosign =
				recipient.kind === 'department' && record.actorId === youth.id && ageOn(youth.birthDate, record.createdAt) < selfConsentAge;
			states.set(key, {
				recipient,
				status: needsCosign ? 'waiting_cosign' : 'active',
				dataKinds: [...record.dataKinds],
				giveRecordId: record.id,
				since: record.createdAt
			});
		} else if (record.action === 'cosign') {
			if (current.status === 'waiting_cosign' && current.giveRecordId === record.cosignOf) {
				states.set(key, {
					...current,
					status: 'active',
					since: record.createdAt
				});
			}
		} else {
			states.set(key, {
				...current,
				status: 'withdrawn',
				since: record.createdAt
			});
		}
	}
	return states;
}

export function loadConsentRecords(youthId: string): ConsentRecord[] {
	return db()
		.select()
		.from(consentRecords)
		.where(eq(consentRecords.youthId, youthId))
		.orderBy(sql`rowid`) // insertion order, also within one millisecond
		.all();
}

/** The data kinds a recipient may see right now (empty unless a consent is in force). */
export function kindsInForce(states: Map<string, ConsentState>, recipient: ConsentRecipient): Set<DataKind> {
	const state = states.get(recipientKey(recipient));
	return new Set(state?.status === 'active' ? state.dataKinds : []);
}
