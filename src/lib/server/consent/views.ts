/**
 * What each person sees of a young person's consents: the young person's own rows (with the
 * wording to say yes or stop), the read-only states for staff, and what a parent is shown and
 * may co-sign. Every view asks the policy first and is built from the records at this moment.
 */
import { eq } from 'drizzle-orm';
import { DEPARTMENTS, type Department } from '$lib/shared/domain';
import { recordAccess } from '../access';
import { db } from '../db';
import { parentLinks } from '../db/schema';
import {
	consentYouth,
	currentConsentStates,
	firstName,
	linkedParents,
	recipientKey,
	type ConsentRecipient,
	type ConsentState
} from '../access';
import {
	DEPARTMENT_KINDS,
	PARENT_KINDS,
	cosignWording,
	custodianWithdrawWording,
	departmentName,
	giveWording,
	removeParentWording,
	withdrawWording,
	wordingVersionFor,
	LEGAL_LOCALE,
	type Locale
} from './wording';
import { openConsentRequests } from './requests';
import { ageOn } from '../dates';
import { ADULT_AGE, can, relationOf, type Actor } from '../access';
import { getSettings } from '../settings';
import type { ConsentRow, ParentConsentView, StaffConsentView, YouthConsentView } from '../../shared/consent';

const inForce = (s: ConsentState | undefined) => s?.status === 'active' || s?.status === 'waiting_cosign';

/** The young person's /consent page. */
export function youthConsentView(actor: Actor, youthId: string, locale: Locale, now = new Date()): YouthConsentView | null {
	if (!actor || !can(actor, 'consent.change', youthId)) return null;
	const youth = consentYouth(youthId);
	if (!youth) return null;
	const { selfConsentAge } = getSettings();
	const age = ageOn(youth.birthDate, now);
	const underAge = age < selfConsentAge;
	const states = currentConsentStates(youth);
	const parents = linkedParents(youthId);
	const custodians = parents.filter((p) => p.custody).map((p) => p.displayName);
	const names = new Map(parents.map((p) => [p.id, p.displayName]));
	const mayRemoveParents = can(actor, 'parent.unlink', youthId);

	const row = (recipient: ConsentRecipient, name: string): ConsentRow => {
		const state = states.get(recipientKey(recipient));
		const offered = recipient.kind === 'department' ? [...DEPARTMENT_KINDS[recipient.department]] : [...PARENT_KINDS];
		const ctx = { locale, recipientName: name, selfConsentAge: underAge ? selfConsentAge : undefined };
		// The Danish wording is the legal one: a page in another language shows it beside the translation.
		const legalCtx = {
			locale: LEGAL_LOCALE,
			recipientName: recipient.kind === 'department' ? departmentName(recipient.department, LEGAL_LOCALE) : name,
			selfConsentAge: ctx.selfConsentAge
		};
		const legal =
			locale === LEGAL_LOCALE
				? null
				: {
						give: giveWording(recipient, offered, recipient.kind === 'department' ? legalCtx : { ...legalCtx, selfConsentAge: undefined }).text,
						withdraw: withdrawWording(legalCtx).text,
						remove: recipient.kind === 'parent' && mayRemoveParents ? removeParentWording(legalCtx).text : null
					};
		return {
			key: recipientKey(recipient),
			kind: recipient.kind,
			name,
			status: state?.status ?? 'none',
			kinds: inForce(state) ? [...state!.dataKinds] : recipient.kind === 'department' ? offered : [],
			offeredKinds: recipient.kind === 'parent' ? offered : [],
			give: giveWording(recipient, offered, recipient.kind === 'department' ? ctx : { ...ctx, selfConsentAge: undefined }).text,
			withdraw: withdrawWording(ctx).text,
			waitingFor: state?.status === 'waiting_cosign' ? custodians : [],
			remove: recipient.kind === 'parent' && mayRemoveParents ? removeParentWording(ctx).text : null,
			legal,
			since: state?.since ?? null,
			changedBy: state?.lastActorId && state.lastActorId !== youthId ? (names.get(state.lastActorId) ?? null) : null
		};
	};

	return {
		youthId,
		age,
		selfConsentAge,
		underAge,
		adult: age >= ADULT_AGE,
		wording: wordingVersionFor(locale),
		custodians,
		requests: openConsentRequests(youthId).map((r) => {
			const recipient = { kind: 'department', department: r.department } as const;
			const wordingIn = (l: Locale) =>
				giveWording(recipient, DEPARTMENT_KINDS[r.department], {
					locale: l,
					recipientName: departmentName(r.department, l),
					selfConsentAge: underAge ? selfConsentAge : undefined
				}).text;
			return {
				...r,
				name: departmentName(r.department, locale),
				give: wordingIn(locale),
				legalGive: locale === LEGAL_LOCALE ? null : wordingIn(LEGAL_LOCALE)
			};
		}),
		departments: DEPARTMENTS.map((department) => row({ kind: 'department', department }, departmentName(department, locale))),
		parents: parents.map((p) => row({ kind: 'parent', parentId: p.id }, p.displayName))
	};
}

/** Read-only states for the guide and the coordinator on /staff/youth/[youthId]. */
export function staffConsentView(actor: Actor, youthId: string, locale: Locale): StaffConsentView | null {
	if (!actor || actor.role === 'youth' || actor.role === 'parent' || !can(actor, 'consent.read', youthId)) return null;
	const youth = consentYouth(youthId);
	if (!youth) return null;
	recordAccess(actor, youthId, 'consent');
	const states = currentConsentStates(youth);
	const rows = [
		...DEPARTMENTS.map((department) => ({
			recipient: { kind: 'department', department } as ConsentRecipient,
			name: departmentName(department, locale)
		})),
		...linkedParents(youthId).map((p) => ({ recipient: { kind: 'parent', parentId: p.id } as ConsentRecipient, name: p.displayName }))
	].map(({ recipient, name }) => {
		const state = states.get(recipientKey(recipient));
		return {
			key: recipientKey(recipient),
			name,
			status: state?.status ?? 'none',
			kinds: inForce(state) ? [...state!.dataKinds] : [],
			since: state?.since ?? null
		};
	});
	const askable = can(actor, 'consent.ask', youthId)
		? DEPARTMENTS.filter((d) => !inForce(states.get(recipientKey({ kind: 'department', department: d })))).map((department) => ({
				department,
				name: departmentName(department, locale)
			}))
		: null;
	return {
		youthId,
		selfConsentAge: getSettings().selfConsentAge,
		rows,
		requests: openConsentRequests(youthId).map((r) => ({
			department: r.department,
			name: departmentName(r.department, locale),
			requestedBy: r.requestedBy,
			createdAt: r.createdAt
		})),
		askable
	};
}

/** What a parent sees of one young person's consents on /parent and /parent/[youthId]. */
export function parentConsentView(actor: Actor, youthId: string, locale: Locale): ParentConsentView | null {
	if (!actor || actor.role !== 'parent' || !can(actor, 'profile.read', youthId)) return null;
	const youth = consentYouth(youthId);
	if (!youth) return null;
	const youthFirstName = firstName(youth.displayName);
	const shared = PARENT_KINDS.filter((k) => relationOf(actor, youthId).parentKinds.has(k));
	const view: ParentConsentView = {
		youthId,
		youthFirstName,
		shared,
		notShared: PARENT_KINDS.filter((k) => !shared.includes(k)),
		custodian: null
	};
	if (!can(actor, 'consent.cosign', youthId)) return view;
	// A custody holder also sees the young person's department consents: a read of their data.
	recordAccess(actor, youthId, 'consent');

	const departments = [...currentConsentStates(youth).values()].flatMap((s) =>
		s.recipient.kind === 'department' && inForce(s) ? [{ state: s, department: s.recipient.department }] : []
	);
	const ctx = (department: Department, l: Locale = locale) => ({
		locale: l,
		recipientName: departmentName(department, l),
		youthName: youthFirstName
	});
	// The Danish wording is the legal one: a page in another language shows it beside the translation.
	const legal = (text: (l: Locale) => string) => (locale === LEGAL_LOCALE ? null : text(LEGAL_LOCALE));
	view.custodian = {
		selfConsentAge: getSettings().selfConsentAge,
		wording: wordingVersionFor(locale),
		waiting: departments
			.filter(({ state }) => state.status === 'waiting_cosign' && state.giveRecordId)
			.map(({ state, department }) => ({
				giveRecordId: state.giveRecordId!,
				key: recipientKey(state.recipient),
				name: departmentName(department, locale),
				text: cosignWording(department, state.dataKinds, ctx(department)).text,
				legalText: legal((l) => cosignWording(department, state.dataKinds, ctx(department, l)).text),
				since: state.since
			})),
		inForce: departments
			.filter(({ state }) => state.status === 'active')
			.map(({ state, department }) => ({
				key: recipientKey(state.recipient),
				name: departmentName(department, locale),
				kinds: [...state.dataKinds],
				text: custodianWithdrawWording(ctx(department)).text,
				legalText: legal((l) => custodianWithdrawWording(ctx(department, l)).text),
				since: state.since
			}))
	};
	return view;
}

/** Every linked young person's view for the parent's front page, keyed by the young person's id. */
export function parentConsentViews(actor: Actor, locale: Locale): Record<string, ParentConsentView> {
	if (!actor || actor.role !== 'parent') return {};
	const views: Record<string, ParentConsentView> = {};
	for (const link of db().select({ youthId: parentLinks.youthId }).from(parentLinks).where(eq(parentLinks.parentId, actor.id)).all()) {
		const view = parentConsentView(actor, link.youthId, locale);
		if (view) views[link.youthId] = view;
	}
	return views;
}
