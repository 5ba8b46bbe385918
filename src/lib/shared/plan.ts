/**
 * The plan as the server hands it to the pages (server/plan builds these, the plan components
 * show them): the whole plan, the staff's list and the young person's summary.
 */
import type { Department, GoalType, StepOwnerKind, StepStatus, YouthStatus } from './domain';
import type { NextDeadline } from './deadlines';
import type { FollowUpFlag } from './followup';
import type { ApprovalView } from './plan-approval';

/** Where a step is shown on the page. */
export type StepGroup = 'now' | 'next' | 'done' | 'proposed' | 'declined';
/** Whether the young person agreed to the plan as it is now, to an earlier version, or never. */
export type Agreement = 'current' | 'stale' | 'never';

export interface CommentView {
	id: string;
	authorName: string;
	byYouth: boolean;
	body: string;
	createdAt: Date;
}

/** The young person disputes an agreed step; the guide's answer closes it (issue 21). */
export interface DisputeView {
	id: string;
	body: string;
	createdAt: Date;
	/** Null while the dispute is open. */
	answer: string | null;
	answeredAt: Date | null;
	/** Who answered, as this viewer may see it (null when not named to them). */
	answeredByName: string | null;
}

/**
 * Whether a step's owner can see the plan: yes, or why not (the young person withdrew the consent
 * to the owner's department, or never shared the plan with it). The access part's owner rule.
 */
export type OwnerAccess = 'sees' | 'withdrawn' | 'not_shared';

export interface StepView {
	id: string;
	title: string;
	description: string;
	ownerKind: StepOwnerKind;
	ownerDepartment: Department | null;
	ownerUserId: string | null;
	dueDate: string | null;
	status: StepStatus;
	version: number;
	completedAt: Date | null;
	ownerName: string | null;
	/** Whether the owner can see the plan (the guide is warned when not). */
	ownerAccess: OwnerAccess;
	/**
	 * The owner cannot see the plan and is not named to this viewer (anyone but the guide): the
	 * page says the guide is finding someone else instead of naming someone who is not involved.
	 */
	ownerHidden: boolean;
	overdue: boolean;
	group: StepGroup;
	comments: CommentView[];
	/** When the guide marked the step agreed with the young person; null: not agreed (issue 21). */
	agreedAt: Date | null;
	/** The young person's disputes of the step, oldest first; at most the last is open. */
	disputes: DisputeView[];
	may: {
		edit: boolean;
		update: boolean;
		complete: boolean;
		comment: boolean;
		/** Mark agreed or take the mark off (the guide). */
		agree: boolean;
		/** Dispute it now: agreed, and no dispute open (the young person). */
		dispute: boolean;
		/** Answer the open dispute (the guide). */
		answer: boolean;
	};
}

export interface PersonInvolved {
	kind: 'guide' | 'caseworker' | 'department';
	name: string | null;
	department: Department | null;
}

export interface HistoryView {
	id: string;
	action: string;
	details: Record<string, string>;
	actorName: string | null;
	byViewer: boolean;
	createdAt: Date;
	/** The line in the reader's language, written here so the page need not carry every history text. */
	text: string;
}

export interface PlanView {
	youth: { id: string; displayName: string };
	plan: {
		id: string;
		goalType: GoalType;
		goalText: string;
		targetDate: string | null;
		currentSituation: string;
		version: number;
		agreedAt: Date | null;
		createdAt: Date;
		updatedAt: Date;
	};
	agreement: Agreement;
	/** Null without a guide, or when the viewer may not see who the guide is (`guide.read`). */
	guide: { id: string; displayName: string } | null;
	steps: StepView[];
	/** Null when the viewer may not see meetings. */
	meetings: { id: string; startsAt: Date; durationMinutes: number; place: string; withWhom: string; bring: string }[] | null;
	/** Who is involved; null when the viewer may not see who the guide is (`guide.read`). */
	people: PersonInvolved[] | null;
	history: HistoryView[];
	today: string;
	may: { edit: boolean; participate: boolean };
}

/** The plan for someone the young person may share it with (a parent): null view when not shared. */
export interface SharedPlan {
	shared: boolean;
	view: PlanView | null;
}

/** Everyone a guide may name as a step's owner besides the young person and the guide. */
export interface OwnerChoice {
	value: string;
	kind: 'department' | 'caseworker';
	name: string | null;
	department: Department;
}

/** What the staff page of one young person loads for the plan. */
export interface StaffPlanData {
	read: boolean;
	edit: boolean;
	view: PlanView | null;
	/** The plan's approved versions, newest first (issue 21). */
	approvals: ApprovalView[];
	ownerChoices: OwnerChoice[];
	department: Department | null;
}

export interface CaseloadRow {
	id: string;
	displayName: string;
	age: number;
	guideName: string | null;
	/** Null when the viewer may not see the plan. */
	plan: {
		goalText: string;
		goalType: GoalType;
		overdueSteps: number;
		/** Proposals waiting for the guide (only counted for whoever may answer them). */
		proposals: number;
		agreement: Agreement;
	} | null;
	/** The viewer may see the plan, and the young person has none yet. */
	noPlan: boolean;
	/** Null when there is none or the viewer may not see meetings. */
	nextMeeting: Date | null;
	/** Null when the viewer may not see it. */
	status: YouthStatus | null;
	/** Null when the viewer may not see them. */
	flags: RowFlags | null;
	/** The viewer may read the young person's messages (then `lastMessage` is shown). */
	messages: boolean;
	/** The latest message in the current conversation; null when there is none or the viewer may not read it. */
	lastMessage: { at: Date; fromYouth: boolean } | null;
}

/** What needs attention, for those who answer for the young person (policy: caseload.flags). */
export interface RowFlags {
	/** The last check-in was answered low, or missed. */
	checkin: 'low' | 'missed' | null;
	/** The same with its score and date, for those who read the check-ins (the guide). */
	checkinDetail: FollowUpFlag | null;
	overdue: boolean;
	/** There is a plan and the young person has not agreed to its current version. */
	notAgreed: boolean;
	noGuide: boolean;
	/** The nearest open KUI deadline (issue 21), or null. */
	deadline: NextDeadline | null;
	/** The young person disputes an agreed step and waits for an answer (issue 21; only for the guide). */
	dispute: boolean;
}

/** The columns the staff's list sorts by (`?sort=`). */
export const CASELOAD_SORTS = ['name', 'age', 'meeting', 'overdue', 'agreement', 'flags', 'deadline'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export interface PlanSummary {
	goalText: string;
	goalType: GoalType;
	targetDate: string | null;
	agreement: Agreement;
	nowSteps: { id: string; title: string; dueDate: string | null; overdue: boolean; ownerKind: string }[];
	doneSteps: number;
	totalSteps: number;
	proposals: number;
	nextMeeting: { startsAt: Date; place: string } | null;
}
