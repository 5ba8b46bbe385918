/** Transparency as the server hands it to the young person's pages (server/privacy builds it). */
import type { ConsentAction, DataKind, Department, GoalType, RequestKind, RequestStatus, Role, StepStatus, YouthStatus } from './domain';

/**
 * Every kind of read the access log records (docs/product.md rule 6), in the order the page names
 * them. `recordAccess` takes only these, and each has its words in every language
 * (shared/privacy-labels.ts), so the page never shows a code word.
 */
export const ACCESS_KINDS = [
	'plan',
	'meetings',
	'profile',
	'guide',
	'history',
	'messages',
	'consent',
	'checkins',
	'status',
	'requests',
	'plan_overview',
	'caseload'
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/**
 * Why a read was made (issue 21; Datatilsynet 2024: the log shown to a citizen carries dates and
 * purposes). Every `recordAccess` names one; 'unspecified' marks reads logged before purposes were.
 */
export const ACCESS_PURPOSES = [
	'plan_work',
	'follow_up',
	'messages',
	'visitation',
	'consent_check',
	'caseload',
	'parent_view',
	'unspecified'
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

/** A kind stored in the log that this version no longer knows: shown as "your information". */
export type ShownAccessKind = AccessKind | 'other';

/** One look: the reads one person made within a moment of each other (one page), with its time. */
export interface AccessLook {
	at: Date;
	kinds: ShownAccessKind[];
	purposes: AccessPurpose[];
}

/** One person's looks on one day, newest first, and everything they saw that day. */
export interface AccessLine {
	actorId: string;
	name: string;
	role: Role;
	department: Department | null;
	/** A caseworker or a parent: someone outside the young person's guide and youth unit. */
	flagged: boolean;
	kinds: ShownAccessKind[];
	/** Why they looked that day (every purpose of their reads). */
	purposes: AccessPurpose[];
	looks: AccessLook[];
}

/** One Copenhagen calendar day (YYYY-MM-DD) of the log, its people newest first. */
export interface AccessDay {
	date: string;
	lines: AccessLine[];
}

/** "Who has looked at my data": a window of days, newest first, and where the older ones are. */
export interface AccessLogView {
	/** Today's Copenhagen date, so the page can say "today" and "yesterday". */
	today: string;
	yesterday: string;
	/** The window shown ends before this date (null: the newest, up to now). */
	before: string | null;
	days: AccessDay[];
	/** The `before` of the next, older window, or null when nothing older is kept. */
	older: string | null;
}

/**
 * "Mine data" to read (issue 20): what the JSON download holds, for a person rather than a
 * program. No internal ids: people by name, departments and states as codes the page puts in
 * words, dates as dates.
 */
export interface ReadableMyData {
	exportedAt: Date;
	person: { name: string; username: string; birthDate: string | null };
	parents: string[];
	guides: { name: string; from: Date; to: Date | null }[];
	plan: {
		goal: string;
		goalType: GoalType;
		steps: {
			title: string;
			description: string;
			status: StepStatus;
			owner: { kind: 'person'; name: string } | { kind: 'department'; department: Department } | { kind: 'youth' } | null;
			dueDate: string | null;
			comments: { author: string; text: string; at: Date }[];
		}[];
		meetings: { at: Date; place: string; withWhom: string; cancelled: boolean }[];
	} | null;
	messages: { from: string; fromMe: boolean; at: Date; text: string; attachments: string[] }[];
	consents: {
		at: Date;
		action: ConsentAction;
		recipient: { kind: 'department'; department: Department } | { kind: 'parent'; name: string };
		dataKinds: DataKind[];
		by: string;
		byMe: boolean;
	}[];
	checkins: { dueOn: string; answeredAt: Date | null; score: number | null; comment: string | null }[];
	statuses: { status: YouthStatus; at: Date }[];
	guideRequests: { kind: RequestKind; status: RequestStatus; at: Date; guide: string | null; proposed: string | null }[];
	looks: { date: string; name: string; role: Role; department: Department | null; kinds: ShownAccessKind[]; purposes: AccessPurpose[] }[];
}
