/**
 * The domain's enumerations, shared by the server (schema CHECK constraints) and the pages
 * (labels, form options). The Drizzle schema builds its columns from these lists.
 */
export const ROLES = ['youth', 'parent', 'guide', 'caseworker', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['guide', 'caseworker', 'coordinator'] as const satisfies readonly Role[];

export const DEPARTMENTS = ['uu', 'jobcenter', 'family', 'fgu', 'ppr', 'addiction'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DATA_KINDS = ['plan', 'guide', 'meetings', 'checkins'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export const GOAL_TYPES = ['education', 'job', 'preparatory'] as const;
export type GoalType = (typeof GOAL_TYPES)[number];

export const STEP_OWNER_KINDS = ['youth', 'guide', 'department', 'caseworker'] as const;
export type StepOwnerKind = (typeof STEP_OWNER_KINDS)[number];

export const STEP_STATUSES = ['proposed', 'todo', 'doing', 'done', 'declined'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const REQUEST_KINDS = ['pick', 'propose', 'change'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ['open', 'withdrawn', 'approved', 'declined', 'suggested', 'suggestion_declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_EVENTS = [
	'sent',
	'withdrawn',
	'approved',
	'invited',
	'invite_accepted',
	'declined',
	'suggested',
	'suggestion_accepted',
	'suggestion_declined'
] as const;
export type RequestEvent = (typeof REQUEST_EVENTS)[number];

/** Who a proposed guide is to the young person. */
export const PROPOSED_ROLES = ['teacher', 'coach', 'mentor', 'other'] as const;
export type ProposedRole = (typeof PROPOSED_ROLES)[number];

export const CONSENT_ACTIONS = ['give', 'withdraw', 'cosign'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/**
 * A young person's status, in the categories of the official count (issue 21; the 1 October count
 * of 15–24-year-olds: "no attachment" is no completed youth education, not in education, and
 * working under 18 hours a week). 'unknown' is "not recorded yet", never a category of the count.
 * Migration 0010 mapped the first version's 'job' to 'work' and 'none' to 'no_attachment'.
 */
export const YOUTH_STATUSES = [
	'primary_school',
	'youth_education',
	'preparatory',
	'work',
	'completed_youth_education',
	'no_attachment',
	'exempt',
	'moved_away',
	'unknown'
] as const;
export type YouthStatus = (typeof YOUTH_STATUSES)[number];

/** The programme behind 'youth_education' (gymnasium, EUD, STU) and 'preparatory' (FGU, 10th grade). */
export const EDUCATION_PROGRAMMES = ['gymnasium', 'eud', 'stu', 'fgu', 'grade10'] as const;
export type EducationProgramme = (typeof EDUCATION_PROGRAMMES)[number];
export const YOUTH_EDUCATION_PROGRAMMES = ['gymnasium', 'eud', 'stu'] as const satisfies readonly EducationProgramme[];
export const PREPARATORY_PROGRAMMES = ['fgu', 'grade10'] as const satisfies readonly EducationProgramme[];

/** Work of this many hours a week or more counts as attached to the labour market in the count. */
export const ATTACHED_WORK_HOURS = 18;

/**
 * The municipal youth effort's deadlines for a young person outside education (issue 21): contact
 * within 5 working days, a new activity offered within 30 days (src/lib/server/deadlines/kui.ts).
 */
export const DEADLINE_KINDS = ['contact', 'offer'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** What an account's audit row records (the coordinator's administration, an import). */
export const AUDIT_ACTIONS = ['created', 'changed', 'disabled', 'code'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
