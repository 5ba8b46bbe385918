/**
 * Consents as the server hands them to the pages (server/consent builds these): the young person's
 * own page, the staff's read-only states, what a parent sees and may co-sign, and the history.
 */
import type { ConsentAction, DataKind, Department, Role } from './domain';

/** The state in force towards one recipient, derived from the records (server/access/consent-state.ts). */
export type ConsentStatus = 'none' | 'active' | 'waiting_cosign' | 'withdrawn';

/** One recipient on the young person's /consent page: a department or a parent. */
export interface ConsentRow {
	/** `department:uu` or `parent:<id>`: what the forms post. */
	key: string;
	kind: 'department' | 'parent';
	name: string;
	status: ConsentStatus;
	/** In force or waiting: the kinds covered; otherwise what a yes would share. */
	kinds: DataKind[];
	/** For a parent: the kinds the young person may tick. */
	offeredKinds: DataKind[];
	give: string;
	withdraw: string;
	/** Waiting: the custody holders who can co-sign. */
	waitingFor: string[];
	/** A parent an adult may remove from Minvej: the words shown next to "remove"; otherwise null. */
	remove: string | null;
	/**
	 * In a language other than Danish: the Danish wording, the legal one (issue 16), shown beside the
	 * translation. Null on a Danish page.
	 */
	legal: { give: string; withdraw: string; remove: string | null } | null;
	since: Date | null;
	/** The last change was made by a custody holder: their name. */
	changedBy: string | null;
}

/** A guide's request for a consent, as the young person answers it (with the wording of a yes). */
export interface ConsentRequestView {
	id: string;
	department: Department;
	name: string;
	message: string;
	requestedBy: string;
	createdAt: Date;
	give: string;
	/** The Danish wording of the yes (the legal one) on a page in another language; otherwise null. */
	legalGive: string | null;
}

export interface YouthConsentView {
	youthId: string;
	age: number;
	selfConsentAge: number;
	underAge: boolean;
	/** 18 or over: a parent sees only what the young person shares, and the young person may remove a parent. */
	adult: boolean;
	/** The version every form on the page posts. */
	wording: string;
	custodians: string[];
	requests: ConsentRequestView[];
	departments: ConsentRow[];
	parents: ConsentRow[];
}

export interface StaffConsentView {
	youthId: string;
	selfConsentAge: number;
	rows: Array<{ key: string; name: string; status: ConsentStatus; kinds: DataKind[]; since: Date | null }>;
	requests: Array<{ department: Department; name: string; requestedBy: string; createdAt: Date }>;
	/** The guide may ask for these departments (not given, not waiting); null: may not ask. */
	askable: Array<{ department: Department; name: string }> | null;
}

export interface ParentConsentView {
	youthId: string;
	youthFirstName: string;
	/** What the young person shares with this parent now, and what not (never messages). */
	shared: DataKind[];
	notShared: DataKind[];
	/** Only for a custody holder while the young person is under the self-consent age. */
	custodian: {
		selfConsentAge: number;
		wording: string;
		/** `legalText`: the Danish wording (the legal one) on a page in another language; otherwise null. */
		waiting: Array<{ giveRecordId: string; key: string; name: string; text: string; legalText: string | null; since: Date | null }>;
		inForce: Array<{ key: string; name: string; kinds: DataKind[]; text: string; legalText: string | null; since: Date | null }>;
	} | null;
}

/** One consent record as the young person reads it (and downloads it), with the wording that was shown. */
export interface ConsentHistoryEntry {
	id: string;
	action: ConsentAction;
	recipient: { kind: 'department'; department: Department } | { kind: 'parent'; parentId: string; name: string };
	dataKinds: DataKind[];
	purpose: string;
	wordingVersion: string;
	wordingText: string;
	by: { id: string; name: string; role: Role; isYouth: boolean };
	/** For a co-signature: the give record it co-signs. */
	cosignOf: string | null;
	createdAt: Date;
}
