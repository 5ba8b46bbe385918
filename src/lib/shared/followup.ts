/** Plain data the follow-up modules hand to the pages (shared by server and components). */
import type { EducationProgramme, YouthStatus } from '$lib/shared/domain';
import type { AnswerTimeView } from '$lib/shared/guides';

export type CheckinState = 'open' | 'answered' | 'missed';

/** What the guide's list shows beside a young person: a low last answer or a missed check-in. */
export type FollowUpFlag = { kind: 'low'; score: number; dueOn: string } | { kind: 'missed'; dueOn: string };

export interface TimelineItem {
	id: string;
	dueOn: string;
	lastDay: string;
	state: CheckinState;
	score: number | null;
	comment: string | null;
	answeredAt: Date | null;
	/** A low answer someone talked with the young person about (issue 20): who and when. */
	followedUp: { by: string; at: Date } | null;
}

export interface RhythmView {
	intervalDays: number;
	startsOn: string;
	endsOn: string | null;
	/** Still asking: not ended by the guide and the end date has not passed. */
	running: boolean;
	nextDueOn: string | null;
}

export interface CheckinOverview {
	/** Today in Copenhagen (YYYY-MM-DD): the earliest start of a new rhythm. */
	today: string;
	canManage: boolean;
	/** The actor may mark the low answers followed up ("Talt med hende/ham", issue 20). */
	canFollowUp: boolean;
	/** A low answer (1–2) waits for someone to follow it up. */
	lowPending: boolean;
	rhythm: RhythmView | null;
	timeline: TimelineItem[];
}

/**
 * What the young person is told at once after a low answer (issue 20): who to call now (the
 * numbers are fixed, in `crisis-lines.ts`) and when their guide will see the answer, from the
 * guide's working time (null: no guide, the youth unit sees it).
 */
export interface LowAnswerReply {
	guide: AnswerTimeView | null;
	/** The youth unit, which sees the answer while there is no guide or the guide is away. */
	unit: { name: string; phone: string };
}

/** A low answer no one followed up within a working day, on the coordinator's start page (issue 20). */
export interface LowAnswerEscalation {
	youthId: string;
	name: string;
	guideName: string | null;
	/** When the oldest low answer not followed up was given. */
	since: Date;
}

/** The coordinator's list of low answers no one followed up: those who waited longest, and how many in all. */
export interface LowAnswerList {
	items: LowAnswerEscalation[];
	/** How many young people are waiting, counted up to a limit … */
	total: number;
	/** … and whether there are more than that. */
	more: boolean;
}

export interface OpenCheckin {
	id: string;
	dueOn: string;
	lastDay: string;
}

/** The young person's own check-in: the one open to answer now, and when the next falls due. */
export interface MyCheckin {
	open: OpenCheckin | null;
	nextDueOn: string | null;
}

export interface StatusEntry {
	id: string;
	status: YouthStatus;
	/** For a youth or preparatory education (staff see it). */
	programme: EducationProgramme | null;
	/** For work: hours a week (staff see it). */
	hoursPerWeek: number | null;
	detail: string | null;
	createdAt: Date;
}

export interface StatusOverview {
	canSet: boolean;
	current: StatusEntry | null;
	history: StatusEntry[];
}

/** The period the outcomes count (ISO dates, both days included). */
export interface Period {
	from: string;
	to: string;
}

/** A cell of an outcome table: the text shown (and exported), and the number behind a chart bar. */
export interface OutcomeCell {
	text: string;
	/** Null when the number is hidden ("< 5") or there is none. */
	value: number | null;
}

/**
 * The categories of the official 1 October count (issue 21; server/followup/census.ts): the four
 * of the count, then those outside it.
 */
export const CENSUS_CATEGORIES = ['education', 'work', 'completed', 'no_attachment', 'exempt', 'moved_away', 'unknown'] as const;
export type CensusCategory = (typeof CENSUS_CATEGORIES)[number];
export const CENSUS_BANDS = ['15-17', '18-19', '20-24'] as const;
export type CensusBand = (typeof CENSUS_BANDS)[number];

/** The count on one 1 October: young people of 15–24 by category and age band. */
export interface Census {
	/** YYYY-10-01 */
	date: string;
	counts: Record<CensusCategory, Record<CensusBand, number>>;
}

export interface OutcomeTable {
	id: 'cases' | 'requests' | 'replies' | 'checkins' | 'deadlines' | 'census';
	caption: string;
	rowHeader: string;
	columns: string[];
	rows: { label: string; cells: OutcomeCell[] }[];
}

/** What the follow-up forms on the staff pages answer (success or failure). */
export interface FollowUpForm {
	action: 'setRhythm' | 'stopRhythm' | 'setStatus' | 'followedUp' | 'meetDeadline';
	ok?: boolean;
	error?: string;
	values?: Record<string, string>;
}
