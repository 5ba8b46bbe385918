/**
 * The young person's consent history: every record, oldest first, exactly as stored (with the
 * wording that was shown), readable on /consent and downloadable as JSON.
 */
import { inArray } from 'drizzle-orm';
import type { Role } from '$lib/shared/domain';
import { db } from '../db';
import { users } from '../db/schema';
import { consentYouth, currentConsentStates, loadConsentRecords } from '../access';
import { can, type Actor } from '../access';
import type { ConsentHistoryEntry } from '../../shared/consent';

function nameMap(ids: string[]) {
	if (!ids.length) return new Map<string, { name: string; role: Role }>();
	return new Map(
		db()
			.select({ id: users.id, name: users.displayName, role: users.role })
			.from(users)
			.where(inArray(users.id, [...new Set(ids)]))
			.all()
			.map((u) => [u.id, { name: u.name, role: u.role }])
	);
}

/** Every consent record about the young person, oldest first (the young person only). */
export function consentHistory(actor: Actor, youthId: string): ConsentHistoryEntry[] | null {
	if (!actor || !can(actor, 'consent.change', youthId)) return null;
	const records = loadConsentRecords(youthId);
	const people = nameMap(records.flatMap((r) => [r.actorId, ...(r.parentId ? [r.parentId] : [])]));
	return records.map((r) => ({
		id: r.id,
		action: r.action,
		recipient:
			r.recipientKind === 'department'
				? { kind: 'department', department: r.department! }
				: { kind: 'parent', parentId: r.parentId!, name: people.get(r.parentId!)?.name ?? '' },
		dataKinds: r.dataKinds,
		purpose: r.purpose,
		wordingVersion: r.wordingVersion,
		wordingText: r.wordingText,
		by: {
			id: r.actorId,
			name: people.get(r.actorId)?.name ?? '',
			role: people.get(r.actorId)?.role ?? 'youth',
			isYouth: r.actorId === youthId
		},
		cosignOf: r.cosignOf,
		createdAt: r.createdAt
	}));
}

/** The downloadable history: the records plus the state they add up to right now. */
export function consentHistoryExport(actor: Actor, youthId: string, now = new Date()) {
	const records = consentHistory(actor, youthId);
	const youth = consentYouth(youthId);
	if (!records || !youth) return null;
	const states = [...currentConsentStates(youth).values()].map((s) => ({
		recipient: s.recipient,
		status: s.status,
		dataKinds: s.dataKinds,
		since: s.since
	}));
	return {
		kind: 'minvej-consent-history',
		exportedAt: now,
		youth: { id: youth.id, name: youth.displayName },
		currentState: states,
		records
	};
}
