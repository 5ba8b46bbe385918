/** Plain data the follow-up modules hand to the pages (shared by server and components). */
import type { YouthStatus } from '$lib/shared/domain';

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
	rhythm: RhythmView | null;
	timeline: TimelineItem[];
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

export interface OutcomeTable {
	id: 'cases' | 'requests' | 'replies' | 'checkins';
	caption: string;
	rowHeader: string;
	columns: string[];
	rows: { label: string; cells: OutcomeCell[] }[];
}

/** What the follow-up forms on the staff pages answer (success or failure). */
export interface FollowUpForm {
	action: 'setRhythm' | 'stopRhythm' | 'setStatus';
	ok?: boolean;
	error?: string;
	values?: Record<string, string>;
}
