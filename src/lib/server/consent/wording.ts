/**
 * The exact words a consent is given, co-signed or withdrawn with (docs/product.md rule 3).
 *
 * The texts live in the consent feature's translations under versioned keys (`consent_v2_…`),
 * and every record stores the text that was shown together with its version and language
 * (`consent-v2/da`). A new wording gets new keys and a new version; old keys stay, so the
 * history keeps saying exactly what was agreed to. A form posts the version it showed, and a
 * change is refused when that is no longer the version in force (the page reloads with the new
 * text instead of recording words the person never saw).
 */
import { m } from '$lib/paraglide/messages.js';
import type { DataKind, Department } from '$lib/shared/domain';
import type { ConsentRecipient } from '../access';

import { LOCALES as APP_LOCALES, isLocaleName, type Locale } from '$lib/shared/locales';

export type { Locale };
/**
 * Every interface language has its own wording. A translation is a version of its own
 * (`consent-v2/ar`), so a record names the language and version the person saw; the Danish
 * wording (`consent-v2/da`) is the legal one, and each translation shows it beside itself.
 */
export const LOCALES: readonly Locale[] = APP_LOCALES;
/** The language whose wording is the legal one. */
export const LEGAL_LOCALE: Locale = 'da';

/**
 * The wording in force. Bump it (with new message keys) whenever a text below changes.
 * v2 (issue 20): plain words for the young person: "one of your parents (an adult with custody)"
 * instead of "an adult with custody", "the school psychologist" instead of "PPR", and the
 * department's name spelled out. The `consent_v1_…` keys stay for the records given with them.
 */
export const WORDING_VERSION = 'consent-v2';

export function wordingVersionFor(locale: Locale): string {
	return `${WORDING_VERSION}/${locale}`;
}

/** What each department would see when the young person says yes. */
export const DEPARTMENT_KINDS: Record<Department, readonly DataKind[]> = {
	uu: ['plan', 'guide', 'meetings'],
	jobcenter: ['plan', 'guide', 'meetings'],
	family: ['plan', 'guide', 'meetings', 'checkins'],
	fgu: ['plan', 'guide', 'meetings'],
	ppr: ['plan', 'guide'],
	addiction: ['plan', 'guide', 'meetings']
};

/** What a young person may choose to show a parent (never messages). */
export const PARENT_KINDS = ['plan', 'guide', 'meetings'] as const satisfies readonly DataKind[];

export interface Wording {
	version: string;
	text: string;
}

const opts = (locale: Locale) => ({ locale });

export function departmentName(department: Department, locale: Locale): string {
	const o = opts(locale);
	return {
		uu: () => m.department_uu({}, o),
		jobcenter: () => m.department_jobcenter({}, o),
		family: () => m.department_family({}, o),
		fgu: () => m.department_fgu({}, o),
		ppr: () => m.department_ppr({}, o),
		addiction: () => m.department_addiction({}, o)
	}[department]();
}

export function purpose(department: Department, locale: Locale): string {
	const o = opts(locale);
	return {
		uu: () => m.consent_v2_purpose_uu({}, o),
		jobcenter: () => m.consent_v2_purpose_jobcenter({}, o),
		family: () => m.consent_v2_purpose_family({}, o),
		fgu: () => m.consent_v2_purpose_fgu({}, o),
		ppr: () => m.consent_v2_purpose_ppr({}, o),
		addiction: () => m.consent_v2_purpose_addiction({}, o)
	}[department]();
}

/** The purpose stored on a parent consent. */
export function parentPurpose(parentName: string, locale: Locale): string {
	return m.consent_v2_purpose_parent({ parent: parentName }, opts(locale));
}

/** "your plan, who your guide is and your meetings" — addressed to the young person. */
export function yourKinds(kinds: readonly DataKind[], locale: Locale): string {
	const o = opts(locale);
	const phrase = {
		plan: () => m.consent_kind_plan({}, o),
		guide: () => m.consent_kind_guide({}, o),
		meetings: () => m.consent_kind_meetings({}, o),
		checkins: () => m.consent_kind_checkins({}, o)
	};
	return listOf(
		kinds.map((k) => phrase[k]()),
		locale
	);
}

/** "the plan, who the guide is and the meetings" — for a custody holder. */
export function theirKinds(kinds: readonly DataKind[], locale: Locale): string {
	const o = opts(locale);
	const phrase = {
		plan: () => m.consent_their_kind_plan({}, o),
		guide: () => m.consent_their_kind_guide({}, o),
		meetings: () => m.consent_their_kind_meetings({}, o),
		checkins: () => m.consent_their_kind_checkins({}, o)
	};
	return listOf(
		kinds.map((k) => phrase[k]()),
		locale
	);
}

export function listOf(items: string[], locale: Locale): string {
	return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

export interface WordingContext {
	locale: Locale;
	/** The department's or the parent's name as shown. */
	recipientName: string;
	/** The young person's first name (custody holder texts). */
	youthName?: string;
	/** Set when the young person is under the self-consent age: the give waits for a co-signature. */
	selfConsentAge?: number;
}

/** What the young person sees (and agrees to) before saying yes. */
export function giveWording(recipient: ConsentRecipient, kinds: readonly DataKind[], ctx: WordingContext): Wording {
	const o = opts(ctx.locale);
	let text: string;
	if (recipient.kind === 'department') {
		text = m.consent_v2_give_department(
			{
				recipient: ctx.recipientName,
				kinds: yourKinds(kinds, ctx.locale),
				purpose: purpose(recipient.department, ctx.locale)
			},
			o
		);
		if (ctx.selfConsentAge !== undefined) text += '\n' + m.consent_v2_under_age({ age: ctx.selfConsentAge }, o);
	} else {
		text = m.consent_v2_give_parent({ recipient: ctx.recipientName }, o);
	}
	return { version: wordingVersionFor(ctx.locale), text };
}

/**
 * The text stored on a give record: what was shown, plus (for a parent, where the young person
 * ticks the data kinds) the kinds that were ticked.
 */
export function giveRecordText(recipient: ConsentRecipient, kinds: readonly DataKind[], ctx: WordingContext): string {
	const shown = giveWording(recipient, kinds, ctx).text;
	if (recipient.kind === 'department') return shown;
	return `${shown}\n${m.consent_v2_chosen({ kinds: yourKinds(kinds, ctx.locale) }, opts(ctx.locale))}`;
}

/** What the young person sees next to "stop". */
export function withdrawWording(ctx: WordingContext): Wording {
	return {
		version: wordingVersionFor(ctx.locale),
		text: m.consent_v2_withdraw({ recipient: ctx.recipientName }, opts(ctx.locale))
	};
}

/**
 * What an adult young person sees next to "remove" for a parent: the link ends, and with it
 * everything shared with that parent (recorded as a withdrawal of every kind, with these words).
 */
export function removeParentWording(ctx: WordingContext): Wording {
	return {
		version: wordingVersionFor(ctx.locale),
		text: m.consent_v2_remove_parent({ recipient: ctx.recipientName }, opts(ctx.locale))
	};
}

/** What a custody holder sees before co-signing a department consent. */
export function cosignWording(department: Department, kinds: readonly DataKind[], ctx: WordingContext): Wording {
	return {
		version: wordingVersionFor(ctx.locale),
		text: m.consent_v2_cosign(
			{
				youth: ctx.youthName ?? '',
				recipient: ctx.recipientName,
				kinds: theirKinds(kinds, ctx.locale),
				purpose: purpose(department, ctx.locale)
			},
			opts(ctx.locale)
		)
	};
}

/** What a custody holder sees next to "stop". */
export function custodianWithdrawWording(ctx: WordingContext): Wording {
	return {
		version: wordingVersionFor(ctx.locale),
		text: m.consent_v2_withdraw_custodian({ youth: ctx.youthName ?? '', recipient: ctx.recipientName }, opts(ctx.locale))
	};
}

export function toLocale(value: unknown): Locale {
	return isLocaleName(value) ? value : 'da';
}
