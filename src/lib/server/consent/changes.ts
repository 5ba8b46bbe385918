/**
 * Giving, withdrawing and co-signing a consent (docs/product.md rules 3 and 4). Each change appends
 * one immutable record with the exact wording that was shown; nothing is updated or deleted.
 * Who may do what is decided by the policy module: the young person gives and withdraws, a
 * custody holder co-signs and withdraws department consents while the young person is under the
 * self-consent age. A withdrawal is never refused for anything but "not yours to withdraw".

 * Every record is kept for good, so a person's changes are limited per minute (limits.ts).
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DATA_KINDS, type DataKind } from '$lib/shared/domain';
import { db } from '../db';
import { consentRecords, parentLinks } from '../db/schema';
import {
	consentYouth,
	currentConsentStates,
	firstName,
	linkedParents,
	parseRecipientKey,
	recipientKey,
	type ConsentRecipient,
	type ConsentState,
	type ConsentYouth
} from '../access';
import {
	DEPARTMENT_KINDS,
	PARENT_KINDS,
	cosignWording,
	custodianWithdrawWording,
	departmentName,
	giveRecordText,
	parentPurpose,
	purpose,
	removeParentWording,
	withdrawWording,
	wordingVersionFor,
	type Locale
} from './wording';
import { ageOn } from '../dates';
import { newId } from '../ids';
import { can, type Actor } from '../access';
import { notifyConsentWaiting } from '../push';
import { getSettings } from '../settings';
import type { ConsentStatus } from '../../shared/consent';
import { countWithdrawal, withinLimit, type RateLimited } from './limits';

export type ConsentChangeError = 'not_allowed' | 'recipient' | 'kinds' | 'wording_changed' | 'not_waiting';

export type ConsentChangeResult = { ok: true; status: ConsentStatus; changed: boolean } | { ok: false; error: ConsentChangeError };

const kindsInput = z.array(z.enum(DATA_KINDS)).max(DATA_KINDS.length);

const sameKinds = (a: readonly DataKind[], b: readonly DataKind[]) => a.length === b.length && a.every((k) => b.includes(k));

/** The recipient's name as shown to the young person or the custody holder. */
export function recipientName(youthId: string, recipient: ConsentRecipient, locale: Locale): string | null {
	if (recipient.kind === 'department') return departmentName(recipient.department, locale);
	return linkedParents(youthId).find((p) => p.id === recipient.parentId)?.displayName ?? null;
}

export interface GiveInput {
	/** `department:uu` or `parent:<id>`. */
	recipient: string;
	/** For a parent: the data kinds ticked (plan, guide, meetings). Departments get their fixed set. */
	kinds?: unknown;
	/** The wording version the page showed. */
	wording: string;
	locale: Locale;
}

/**
 * Appends a give record (inside the caller's transaction). Giving what is already in force,
 * with the same data kinds, records nothing.
 */
function appendGive(actor: NonNullable<Actor>, youth: ConsentYouth, input: GiveInput, now: Date): ConsentChangeResult {
	const recipient = parseRecipientKey(input.recipient);
	if (!recipient) return { ok: false, error: 'recipient' };
	const name = recipientName(youth.id, recipient, input.locale);
	if (!name) return { ok: false, error: 'recipient' };

	let kinds: DataKind[];
	if (recipient.kind === 'department') kinds = [...DEPARTMENT_KINDS[recipient.department]];
	else {
		const parsed = kindsInput.safeParse(input.kinds ?? []);
		if (!parsed.success) return { ok: false, error: 'kinds' };
		kinds = PARENT_KINDS.filter((k) => parsed.data.includes(k));
		if (!kinds.length) return { ok: false, error: 'kinds' };
	}
	if (input.wording !== wordingVersionFor(input.locale)) return { ok: false, error: 'wording_changed' };

	const { selfConsentAge } = getSettings();
	const waits = recipient.kind === 'department' && ageOn(youth.birthDate, now) < selfConsentAge;
	const status: ConsentStatus = waits ? 'waiting_cosign' : 'active';
	const current = currentConsentStates(youth).get(recipientKey(recipient));
	// Already in force (or already waiting) with the same data kinds: a repeated yes changes nothing.
	if (current && (current.status === 'active' || current.status === status) && sameKinds(current.dataKinds, kinds)) {
		return { ok: true, status: current.status, changed: false };
	}

	db()
		.insert(consentRecords)
		.values({
			id: newId(),
			youthId: youth.id,
			action: 'give',
			recipientKind: recipient.kind,
			department: recipient.kind === 'department' ? recipient.department : null,
			parentId: recipient.kind === 'parent' ? recipient.parentId : null,
			dataKinds: kinds,
			purpose: recipient.kind === 'department' ? purpose(recipient.department, input.locale) : parentPurpose(name, input.locale),
			wordingVersion: input.wording,
			wordingText: giveRecordText(recipient, kinds, {
				locale: input.locale,
				recipientName: name,
				selfConsentAge: waits ? selfConsentAge : undefined
			}),
			actorId: actor.id,
			createdAt: now
		})
		.run();
	return { ok: true, status, changed: true };
}

/** The young person says yes to sharing with a department or a parent. */
export async function giveConsent(
	actor: Actor,
	youthId: string,
	input: GiveInput,
	now = new Date()
): Promise<ConsentChangeResult | RateLimited> {
	if (!actor || !can(actor, 'consent.change', youthId)) return { ok: false, error: 'not_allowed' };
	const youth = consentYouth(youthId);
	if (!youth) return { ok: false, error: 'not_allowed' };
	const result = await withinLimit(actor.id, () => db().transaction(() => appendGive(actor, youth, input, now)));
	if (result.ok && result.changed && result.status === 'waiting_cosign') void notifyConsentWaiting(youthId);
	return result;
}

/** For answering a request: give inside a transaction the caller already holds. */
export function giveConsentInTransaction(actor: NonNullable<Actor>, youth: ConsentYouth, input: GiveInput, now: Date) {
	return appendGive(actor, youth, input, now);
}

export interface WithdrawInput {
	recipient: string;
	wording: string;
	locale: Locale;
}

/**
 * The young person, or (for a department, under the self-consent age) a custody holder, says
 * stop. It takes effect on the very next request: the policy reads the records every time.
 * Withdrawing what is not in force (already withdrawn, never given) records nothing.
 */
export async function withdrawConsent(actor: Actor, youthId: string, input: WithdrawInput, now = new Date()): Promise<ConsentChangeResult> {
	if (!actor) return { ok: false, error: 'not_allowed' };
	const recipient = parseRecipientKey(input.recipient);
	if (!recipient) return { ok: false, error: 'recipient' };
	const asYouth = can(actor, 'consent.change', youthId);
	const asCustodian = !asYouth && recipient.kind === 'department' && can(actor, 'consent.withdrawAsCustodian', youthId);
	if (!asYouth && !asCustodian) return { ok: false, error: 'not_allowed' };
	const youth = consentYouth(youthId);
	if (!youth) return { ok: false, error: 'not_allowed' };
	const name = recipientName(youthId, recipient, input.locale);
	if (!name) return { ok: false, error: 'recipient' };
	if (input.wording !== wordingVersionFor(input.locale)) return { ok: false, error: 'wording_changed' };

	const result = db().transaction((): ConsentChangeResult => {
		const current = currentConsentStates(youth).get(recipientKey(recipient));
		if (!current || (current.status !== 'active' && current.status !== 'waiting_cosign')) {
			return { ok: true, status: current?.status ?? 'none', changed: false };
		}
		const ctx = { locale: input.locale, recipientName: name, youthName: firstName(youth.displayName) };
		const wording = asYouth ? withdrawWording(ctx) : custodianWithdrawWording(ctx);
		insertFollowUp(current, youth.id, recipient, 'withdraw', actor.id, wording, now);
		return { ok: true, status: 'withdrawn', changed: true };
	});
	await countWithdrawal(actor.id, result);
	return result;
}

export interface RemoveLinkInput {
	/** `parent:<id>`. */
	recipient: string;
	wording: string;
	locale: Locale;
}

/**
 * An adult young person removes a parent from Minvej (docs/product.md rule 5: from 18 a parent link
 * rests on their own consent, which they can take back). On record as a withdrawal of every kind
 * from that parent, with the words shown; then the link itself is deleted, so the parent is no
 * longer linked at all (only the youth unit can link them again). Under 18 the links, custody
 * among them, are not the young person's to remove.
 */
export function removeParentLink(actor: Actor, youthId: string, input: RemoveLinkInput, now = new Date()): ConsentChangeResult {
	if (!actor || !can(actor, 'parent.unlink', youthId)) return { ok: false, error: 'not_allowed' };
	const youth = consentYouth(youthId);
	if (!youth) return { ok: false, error: 'not_allowed' };
	const recipient = parseRecipientKey(input.recipient);
	if (recipient?.kind !== 'parent') return { ok: false, error: 'recipient' };
	const name = recipientName(youthId, recipient, input.locale);
	if (!name) return { ok: false, error: 'recipient' };
	if (input.wording !== wordingVersionFor(input.locale)) return { ok: false, error: 'wording_changed' };

	return db().transaction((): ConsentChangeResult => {
		const give = currentConsentStates(youth).get(recipientKey(recipient))?.giveRecordId;
		const purposeOfGive = give
			? db().select({ purpose: consentRecords.purpose }).from(consentRecords).where(eq(consentRecords.id, give)).get()?.purpose
			: undefined;
		db()
			.insert(consentRecords)
			.values({
				id: newId(),
				youthId,
				action: 'withdraw',
				recipientKind: 'parent',
				department: null,
				parentId: recipient.parentId,
				dataKinds: [...PARENT_KINDS],
				purpose: purposeOfGive ?? parentPurpose(name, input.locale),
				wordingVersion: input.wording,
				wordingText: removeParentWording({ locale: input.locale, recipientName: name }).text,
				actorId: actor.id,
				createdAt: now
			})
			.run();
		db()
			.delete(parentLinks)
			.where(and(eq(parentLinks.parentId, recipient.parentId), eq(parentLinks.youthId, youthId)))
			.run();
		return { ok: true, status: 'withdrawn', changed: true };
	});
}

export interface CosignInput {
	/** The give record the custody holder saw and says yes to. */
	giveRecordId: string;
	wording: string;
	locale: Locale;
}

/** A custody holder co-signs a department consent the young person gave under the self-consent age. */
export async function cosignConsent(
	actor: Actor,
	youthId: string,
	input: CosignInput,
	now = new Date()
): Promise<ConsentChangeResult | RateLimited> {
	if (!actor || !can(actor, 'consent.cosign', youthId)) return { ok: false, error: 'not_allowed' };
	const youth = consentYouth(youthId);
	if (!youth) return { ok: false, error: 'not_allowed' };
	if (input.wording !== wordingVersionFor(input.locale)) return { ok: false, error: 'wording_changed' };

	return withinLimit(actor.id, () =>
		db().transaction((): ConsentChangeResult => {
			const waiting = [...currentConsentStates(youth).values()].find(
				(s) => s.status === 'waiting_cosign' && s.giveRecordId === input.giveRecordId
			);
			if (!waiting || waiting.recipient.kind !== 'department') return { ok: false, error: 'not_waiting' };
			const department = waiting.recipient.department;
			const wording = cosignWording(department, waiting.dataKinds, {
				locale: input.locale,
				recipientName: departmentName(department, input.locale),
				youthName: firstName(youth.displayName)
			});
			insertFollowUp(waiting, youth.id, waiting.recipient, 'cosign', actor.id, wording, now);
			return { ok: true, status: 'active', changed: true };
		})
	);
}

/** A withdraw or co-sign record, carrying the data kinds and purpose of the give it follows. */
function insertFollowUp(
	current: ConsentState,
	youthId: string,
	recipient: ConsentRecipient,
	action: 'withdraw' | 'cosign',
	actorId: string,
	wording: { version: string; text: string },
	now: Date
) {
	const give = current.giveRecordId
		? db().select({ purpose: consentRecords.purpose }).from(consentRecords).where(eq(consentRecords.id, current.giveRecordId)).get()
		: undefined;
	db()
		.insert(consentRecords)
		.values({
			id: newId(),
			youthId,
			action,
			recipientKind: recipient.kind,
			department: recipient.kind === 'department' ? recipient.department : null,
			parentId: recipient.kind === 'parent' ? recipient.parentId : null,
			dataKinds: current.dataKinds,
			purpose: give?.purpose ?? '',
			wordingVersion: wording.version,
			wordingText: wording.text,
			actorId,
			cosignOf: action === 'cosign' ? current.giveRecordId : null,
			createdAt: now
		})
		.run();
}
