/** What the guides part hands the pages: the directory, guide requests, the visitation queue and the forms' results. */
import { AGE_BANDS, type AgeBand } from './caseload';
import { REQUEST_KINDS, type RequestKind, type RequestStatus } from './domain';

/** What a guide request form action returns on failure: the kind of form, error codes and what was typed. */
export interface RequestFormState {
	kind?: string;
	errors?: string[];
	values?: Record<string, string>;
}

/** What a visitation decision action returns on failure: which form, the error code and what was typed. */
/** The visitation's decisions on a request, in the order the page offers them. */
export const DECISIONS = ['approve', 'suggest', 'decline'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface DecisionFormState {
	decision?: Decision;
	error?: string;
	values?: Record<string, string>;
}

/** A guide as the directory shows them. */
export interface GuideListing {
	id: string;
	displayName: string;
	initials: string;
	title: string;
	workplace: string | null;
	background: string;
	languages: string[];
	meetingPlaces: string;
	availability: string;
	capacity: number;
	/** Young people assigned now, plus suggestions waiting for a young person's answer. */
	load: number;
	full: boolean;
}

/** The young person's own guide, with how to reach them. */
export interface GuideCard extends GuideListing {
	phone: string | null;
	email: string | null;
	since: Date;
}

/** Where a guide request stands, for the young person (and a parent who asked on their behalf). */
export interface RequestView {
	id: string;
	kind: RequestKind;
	status: RequestStatus;
	createdAt: Date;
	sentBy: { displayName: string; byYouth: boolean; byMe: boolean };
	/** The guide asked for (pick, or a wish with a change request). */
	wish: string | null;
	/** Whether the young person had a guide when the request was sent (change, or find one). */
	hadGuide: boolean;
	proposed: { name: string; role: string | null; workplace: string | null; contact: string | null } | null;
	reason: string | null;
	/** The visitation meeting the request is (or was) on the agenda of. */
	agendaDate: string | null;
	decidedAt: Date | null;
	decisionReason: string | null;
	suggestedGuide: GuideListing | null;
	/** Who became (or will become, once invited) the guide. */
	newGuide: string | null;
	invitePending: boolean;
	/** When the young person (or the sender) closed it: withdrawn, or answered a suggestion. */
	closedAt: Date | null;
	unread: boolean;
	canWithdraw: boolean;
}

/** A parent's requests for the young person, and whether the young person has another one pending. */
export interface ParentRequests {
	requests: RequestView[];
	otherPending: boolean;
}

/** Where a request in the queue stands: on the agenda, or waiting for the young person's answer. */
export const QUEUE_STATES = ['open', 'suggested'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** The visitation queue's filters, in the address (`?kind=…&state=…&age=…`), so they work without JavaScript. */
export interface QueueFilter {
	kind: RequestKind | null;
	state: QueueState | null;
	age: AgeBand | null;
}

const pick = <T extends string>(list: readonly T[], value: string | null): T | null =>
	value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;

/** Reads the queue's filters from the address; anything unknown is left out. */
export function readQueueFilter(params: URLSearchParams): QueueFilter {
	return {
		kind: pick(REQUEST_KINDS, params.get('kind')),
		state: pick(QUEUE_STATES, params.get('state')),
		age: pick(Object.keys(AGE_BANDS) as AgeBand[], params.get('age'))
	};
}

/** A request on the visitation's agenda. */
export interface QueueItem {
	id: string;
	kind: RequestKind;
	status: RequestStatus;
	createdAt: Date;
	agendaDate: string;
	reason: string | null;
	youth: { id: string; displayName: string; age: number };
	currentGuide: { id: string; displayName: string } | null;
	goal: string | null;
	sentBy: { displayName: string; byParent: boolean };
	wish: { id: string; displayName: string; full: boolean } | null;
	proposed: { name: string; role: string | null; workplace: string | null; contact: string | null } | null;
	suggestedGuide: { id: string; displayName: string } | null;
	decisionReason: string | null;
	decidedAt: Date | null;
	invitePending: boolean;
}

/** A leaving guide's young people and requests, and the guides who can take them on (admin/). */
export interface HandoverView {
	/** The leaving guide's young people now, in name order. */
	youth: { id: string; displayName: string; age: number }[];
	/** Requests that name the leaving guide: a wish (open) or a suggestion waiting for an answer. */
	requests: { id: string; youthName: string; status: 'open' | 'suggested' }[];
	/** The guides who can take young people on, with their load and capacity. */
	guides: GuideListing[];
}

/** A guide's working days (ISO weekdays, 1 Monday … 7 Sunday) and hours in Copenhagen, and an away period. */
export interface WorkingTimeView {
	days: number[];
	/** "09:00". */
	from: string;
	/** "15:00", after `from`. */
	to: string;
	/** First and last day away (YYYY-MM-DD, both included), or null. */
	awayFrom: string | null;
	awayUntil: string | null;
	/** What the guide says while away, e.g. "På ferie til 2. januar – skriv til Ungeenheden". */
	awayText: string | null;
}

/** When the young person can expect their guide to answer (guides/answer-time.ts), for the pages. */
export interface AnswerTimeView {
	guideName: string;
	kind: 'working' | 'next' | 'away';
	/** The next working start (ISO), for `next` and `away`; null when none is set. */
	at: string | null;
	/** The guide's own words while away. */
	text: string | null;
	/** While the guide is away: where to turn instead (the youth unit, which also answers meanwhile). */
	unit: { name: string; phone: string } | null;
}

/**
 * When a young person can reach someone (issue 20): their guide's answer time and the youth unit's
 * opening hours. /guide and /messages both show this one shape (guides' `reachTimes`) with one
 * component (components/guides/ReachTime.svelte), so the two pages never disagree.
 */
export interface ReachView {
	/** Null without a guide: then the youth unit answers, in its opening hours. */
	answer: AnswerTimeView | null;
	unit: { name: string; phone: string; openingHours: string };
}
