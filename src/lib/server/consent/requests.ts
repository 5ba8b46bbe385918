/**
 * A guide asks the young person for a consent (Odsherred: the guide gathers the consents); the
 * young person answers on /consent. Asking changes nothing about access: only the young
 * person's "yes" appends a give record.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { DEPARTMENTS, type Department } from '$lib/shared/domain';
import { db } from '../db';
import { consentRequests, users } from '../db/schema';
import { consentYouth, currentConsentStates, recipientKey } from '../access';
import { giveConsentInTransaction, type ConsentChangeError, type ConsentChangeResult } from './changes';
import { withinLimit, type RateLimited } from './limits';
import { notifyConsentWaiting } from '../push';
import type { Locale } from './wording';
import { newId } from '../ids';
import { can, type Actor } from '../access';

export type AskError = 'not_allowed' | 'department' | 'message' | 'already_given';

const askInput = z.object({
	department: z.enum(DEPARTMENTS, { error: 'department' }),
	message: z.string().trim().max(500, { error: 'message' })
});

export interface OpenConsentRequest {
	id: string;
	department: Department;
	message: string;
	requestedBy: string;
	createdAt: Date;
}

/** The young person's unanswered requests, oldest first (department requests only). */
export function openConsentRequests(youthId: string): OpenConsentRequest[] {
	return db()
		.select({
			id: consentRequests.id,
			department: consentRequests.department,
			message: consentRequests.message,
			requestedBy: users.displayName,
			createdAt: consentRequests.createdAt
		})
		.from(consentRequests)
		.innerJoin(users, eq(users.id, consentRequests.requestedBy))
		.where(and(eq(consentRequests.youthId, youthId), isNull(consentRequests.answeredAt), eq(consentRequests.recipientKind, 'department')))
		.orderBy(asc(consentRequests.createdAt))
		.all()
		.flatMap((r) => (r.department ? [{ ...r, department: r.department }] : []));
}

/**
 * The guide asks for a consent to one department. Asking again while a request for the same
 * department is open records nothing new; asking for what is already given or waiting for a
 * custody holder is refused.
 */
export function askForConsent(
	actor: Actor,
	youthId: string,
	raw: { department: unknown; message: unknown },
	now = new Date()
): { ok: true; requestId: string } | { ok: false; error: AskError } {
	if (!actor || !can(actor, 'consent.ask', youthId)) return { ok: false, error: 'not_allowed' };
	const parsed = askInput.safeParse(raw);
	if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.path[0] === 'message' ? 'message' : 'department' };
	const { department, message } = parsed.data;
	const youth = consentYouth(youthId);
	if (!youth) return { ok: false, error: 'not_allowed' };

	return db().transaction(() => {
		const state = currentConsentStates(youth).get(recipientKey({ kind: 'department', department }));
		if (state?.status === 'active' || state?.status === 'waiting_cosign') return { ok: false as const, error: 'already_given' as const };
		const open = openConsentRequests(youthId).find((r) => r.department === department);
		if (open) return { ok: true as const, requestId: open.id };
		const id = newId();
		db()
			.insert(consentRequests)
			.values({ id, youthId, recipientKind: 'department', department, message, requestedBy: actor.id, createdAt: now })
			.run();
		return { ok: true as const, requestId: id };
	});
}

export type AnswerError = ConsentChangeError | 'request';

/**
 * The young person answers a request: "yes" gives the consent (with the wording shown next to
 * the request) and closes the request in one transaction; "no" only closes it. A yes counts
 * towards the person's consent changes per minute (changes.ts).
 */
export async function answerConsentRequest(
	actor: Actor,
	youthId: string,
	input: { requestId: string; answer: unknown; wording: string; locale: Locale },
	now = new Date()
): Promise<ConsentChangeResult | RateLimited | { ok: false; error: AnswerError }> {
	if (!actor || !can(actor, 'consent.change', youthId)) return { ok: false, error: 'not_allowed' };
	const youth = consentYouth(youthId);
	if (!youth) return { ok: false, error: 'not_allowed' };
	if (input.answer !== 'given' && input.answer !== 'declined') return { ok: false, error: 'request' };
	const answer = input.answer;

	const outcome = await withinLimit(actor.id, () =>
		db().transaction(() => {
			const request = openConsentRequests(youthId).find((r) => r.id === input.requestId);
			if (!request) return { ok: false as const, error: 'request' as const };
			let result: ConsentChangeResult = { ok: true, status: 'none', changed: false };
			if (answer === 'given') {
				result = giveConsentInTransaction(
					actor,
					youth,
					{ recipient: `department:${request.department}`, wording: input.wording, locale: input.locale },
					now
				);
				if (!result.ok) return result;
			}
			db().update(consentRequests).set({ answer, answeredAt: now }).where(eq(consentRequests.id, request.id)).run();
			return result;
		})
	);
	if (outcome.ok && outcome.changed && outcome.status === 'waiting_cosign') void notifyConsentWaiting(youthId);
	return outcome;
}

/** How many requests wait for the young person's answer (0 for anyone else). */
export function consentRequestCount(actor: Actor, youthId: string): number {
	if (!actor || !can(actor, 'consent.change', youthId)) return 0;
	return openConsentRequests(youthId).length;
}
