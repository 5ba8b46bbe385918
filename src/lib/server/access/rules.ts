/**
 * The pure decision table of access (docs/product.md rule 2: deny by default).
 *
 * Every page, form action and endpoint asks "may actor A do X to young person Y's data now?".
 * The rules here answer it from the facts alone (a `Relation`, gathered fresh from the database
 * by `facts.ts` on every request), so they are tested case by case without a database; the
 * guard (`guard.ts`) gathers the facts and applies these rules for the routes and parts.
 */
import type { DataKind, Department, StepOwnerKind } from '../db/schema';
import type { SessionUser } from '../auth';
import type { OwnerAccess } from '../../shared/plan';

export type { OwnerAccess };

export type Actor = SessionUser | null;

/** Actions on one young person's data. */
export const YOUTH_ACTIONS = [
	'profile.read',
	'plan.read',
	'plan.edit',
	'plan.participate',
	'plan.editDepartmentSteps',
	'plan.cosign',
	'plan.approvals.read',
	'meetings.read',
	'guide.read',
	'guide.request',
	'guide.requests.read',
	'guide.answerSuggestion',
	'visitation.read',
	'consent.read',
	'consent.change',
	'consent.cosign',
	'consent.withdrawAsCustodian',
	'consent.ask',
	'messages.read',
	'messages.send',
	'checkins.read',
	'checkins.answer',
	'checkins.manage',
	'checkins.followUp',
	'status.read',
	'status.set',
	'privacy.read',
	'data.export',
	'parent.invite',
	'parent.inviteCustodian',
	'parent.unlink',
	'caseload.flags',
	'signIn.reissue'
] as const;
export type YouthAction = (typeof YOUTH_ACTIONS)[number];

/** Actions that concern no single young person. */
export const GLOBAL_ACTIONS = [
	'area.youth',
	'area.parent',
	'area.staff',
	'visitation.manage',
	'guide.directory',
	'guide.profile',
	'invite.create',
	'outcomes.read',
	'unitInbox.read',
	'messages.use',
	'notifications.manage',
	'sessions.manage',
	'profile.own',
	'passkeys.own',
	'settings.manage',
	'caseload.filter',
	'staff.manage',
	'caseload.import',
	'checkins.escalations'
] as const;
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

/** What is true between the actor and the young person at this moment. */
export interface Relation {
	/** The young person exists (and is a young person). */
	exists: boolean;
	self: boolean;
	/** The actor is the young person's current guide. */
	assignedGuide: boolean;
	/** The young person has a current guide at all. */
	hasGuide: boolean;
	/** The actor is a linked parent; custody: a custody holder. */
	linkedParent: boolean;
	custody: boolean;
	/** Data kinds the young person shares with this parent now. */
	parentKinds: ReadonlySet<DataKind>;
	/** Data kinds the young person shares with the actor's department now (caseworkers). */
	departmentKinds: ReadonlySet<DataKind>;
	age: number;
	selfConsentAge: number;
	/** The young person has a guide request waiting for the visitation (looked up for the coordinator). */
	openGuideRequest: boolean;
	/**
	 * The young person's current guide is away today, within the away period they set on their
	 * profile, first and last day included (looked up for the coordinator): the youth unit answers
	 * meanwhile.
	 */
	guideAway: boolean;
}

export const NONE: ReadonlySet<DataKind> = new Set();

/**
 * The age of majority. From it nobody holds custody, and a parent link gives the parent nothing
 * unless the young person's own consent to that parent is in force (docs/product.md rule 5).
 */
export const ADULT_AGE = 18;

export const NO_RELATION: Relation = {
	exists: false,
	self: false,
	assignedGuide: false,
	hasGuide: false,
	linkedParent: false,
	custody: false,
	parentKinds: NONE,
	departmentKinds: NONE,
	age: 0,
	selfConsentAge: 15,
	openGuideRequest: false,
	guideAway: false
};

/** The decision table for actions on a young person's data. Deny unless a line allows. */
export function rule(actor: Actor, action: YouthAction, r: Relation): boolean {
	if (!actor || !r.exists) return false;
	const youth = r.self;
	const guide = actor.role === 'guide' && r.assignedGuide;
	// A parent link to an adult counts only while the young person shares something with that
	// parent (their own consent: only the young person gives a consent to a parent).
	const linkedParent = actor.role === 'parent' && r.linkedParent && (r.age < ADULT_AGE || r.parentKinds.size > 0);
	const parentSees = (kind: DataKind) => linkedParent && r.parentKinds.has(kind);
	const caseworkerSees = (kind: DataKind) => actor.role === 'caseworker' && r.departmentKinds.has(kind);
	const coordinator = actor.role === 'coordinator';
	const custodian = actor.role === 'parent' && r.linkedParent && r.custody && r.age < r.selfConsentAge;
	// A custody holder of a young person under 18 who shares the plan with them co-signs the
	// version the young person approved (issue 21).
	const planCosigner = actor.role === 'parent' && r.linkedParent && r.custody && r.age < ADULT_AGE && r.parentKinds.has('plan');

	switch (action) {
		case 'profile.read':
			return youth || guide || coordinator || linkedParent || (actor.role === 'caseworker' && r.departmentKinds.size > 0);
		case 'plan.read':
			return youth || guide || parentSees('plan') || caseworkerSees('plan');
		case 'plan.edit':
			return guide;
		case 'plan.participate':
			return youth;
		case 'plan.editDepartmentSteps':
			return caseworkerSees('plan');
		case 'plan.cosign':
			return planCosigner;
		case 'plan.approvals.read':
			// The approved versions' PDFs: the young person, the custody holder who co-signs, and the
			// staff who read the plan (never a parent without custody, nor the coordinator).
			return youth || guide || caseworkerSees('plan') || planCosigner;
		case 'meetings.read':
			return youth || guide || parentSees('meetings') || caseworkerSees('meetings');
		case 'guide.read':
			return youth || guide || coordinator || parentSees('guide') || caseworkerSees('guide');
		case 'guide.request':
			return youth || (linkedParent && r.age < ADULT_AGE);
		case 'guide.requests.read':
			// A change request's reason is never the current guide's to read.
			return youth || coordinator;
		case 'guide.answerSuggestion':
			return youth;
		case 'visitation.read':
			// What the visitation needs to decide (such as the plan goal), only while a request waits.
			return coordinator && r.openGuideRequest;
		case 'consent.read':
			return youth || guide || coordinator || custodian;
		case 'consent.change':
			return youth;
		case 'consent.cosign':
		case 'consent.withdrawAsCustodian':
			return custodian;
		case 'consent.ask':
			return guide;
		case 'messages.read':
		case 'messages.send':
			// Parents and caseworkers never see messages (rule 5); without a guide, and while the
			// guide is away, the youth unit (the coordinator) answers.
			return youth || guide || (coordinator && (!r.hasGuide || r.guideAway));
		case 'checkins.read':
			return youth || guide || caseworkerSees('checkins');
		case 'checkins.answer':
			return youth;
		case 'checkins.manage':
			return guide;
		case 'checkins.followUp':
			// "Talt med hende/ham" after a low answer (issue 20): the current guide, or the youth unit's
			// coordinator, who sees the low answers no one followed up within a working day. Marking
			// reveals no answer: the coordinator still does not read check-ins.
			return guide || coordinator;
		case 'status.read':
			return youth || guide || coordinator || caseworkerSees('plan');
		case 'status.set':
			return guide;
		case 'privacy.read':
		case 'data.export':
			return youth;
		case 'parent.invite':
			return guide || coordinator;
		case 'parent.inviteCustodian':
			// Nobody holds custody of an adult.
			return (guide || coordinator) && r.age < ADULT_AGE;
		case 'parent.unlink':
			// An adult ends a parent's link themselves; under 18 the links are the youth unit's to keep.
			return youth && r.age >= ADULT_AGE;
		case 'caseload.flags':
			// On a list: the young person's status and whether something needs attention (a low or
			// missed check-in, overdue steps, a plan not agreed to, no guide), never the plan itself.
			// The coordinator answers for every young person in the municipality.
			return guide || coordinator;
		case 'signIn.reissue':
			// Losing access (issue 19): a new single-use sign-in code for the young person or one of
			// their linked parents, from their current guide or the youth unit's coordinator.
			return guide || coordinator;
	}
}

/** Actions on one step of a plan, decided on top of the actions on the young person's plan. */
export const STEP_ACTIONS = [
	'step.edit',
	'step.update',
	'step.complete',
	'step.comment',
	'step.agree',
	'step.dispute',
	'step.answerDispute'
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** What the step rule needs to know about a step. */
export interface StepFacts {
	ownerKind: StepOwnerKind;
	ownerDepartment: Department | null;
	/** When the guide marked the step agreed with the young person (null or absent: not agreed). */
	agreedAt?: Date | null;
}

/**
 * Who may do what to one step: the guide edits everything (owner, order, removal, proposals);
 * a caseworker under consent updates the steps their own department owns; the young person
 * marks their own steps done; all three may comment on the steps they may act on.
 * The guide, who keeps the plan, marks a step "agreed with the young person" (issue 21); the young
 * person may then dispute it (a comment the guide must answer) but not change it; only the guide
 * answers. Reading the agreement and the disputes goes with reading the plan (`plan.read`).
 */
export function stepRule(actor: Actor, action: StepAction, r: Relation, step: StepFacts): boolean {
	if (!actor) return false;
	const guide = rule(actor, 'plan.edit', r);
	const youth = rule(actor, 'plan.participate', r);
	const ownDepartment =
		rule(actor, 'plan.editDepartmentSteps', r) &&
		(step.ownerKind === 'department' || step.ownerKind === 'caseworker') &&
		step.ownerDepartment !== null &&
		step.ownerDepartment === actor.department;
	switch (action) {
		case 'step.edit':
			return guide;
		case 'step.update':
			return guide || ownDepartment;
		case 'step.complete':
			return youth && step.ownerKind === 'youth';
		case 'step.comment':
			return youth || guide || ownDepartment;
		case 'step.agree':
		case 'step.answerDispute':
			return guide;
		case 'step.dispute':
			return youth && step.agreedAt != null;
	}
}

/** What the owner rule needs to know about one department's consent now. */
export interface DepartmentSharing {
	/** The data kinds shared with the department now (empty unless a consent is in force). */
	kinds: ReadonlySet<DataKind>;
	/** The department's consent was withdrawn (its last record is a withdrawal). */
	withdrawn: boolean;
}

/**
 * May this owner hold a step of the young person's plan: can they see the plan? The young person
 * and the guide always can; a department, and a named caseworker in it, only while the young
 * person shares the plan with that department: the same condition as `plan.read` for a
 * caseworker (rule 6). A consent to a parent never makes a department an owner. The answer says
 * why not, so the guide can be told that the consent was withdrawn rather than never given.
 */
export function ownerRule(owner: StepFacts, sharing: (department: Department) => DepartmentSharing): OwnerAccess {
	if (owner.ownerKind === 'youth' || owner.ownerKind === 'guide') return 'sees';
	if (owner.ownerDepartment === null) return 'not_shared';
	const shared = sharing(owner.ownerDepartment);
	if (shared.kinds.has('plan')) return 'sees';
	return shared.withdrawn ? 'withdrawn' : 'not_shared';
}

/** The decision table for actions that concern no single young person. */
export function globalRule(actor: Actor, action: GlobalAction): boolean {
	if (!actor) return false;
	switch (action) {
		case 'area.youth':
			return actor.role === 'youth';
		case 'area.parent':
			return actor.role === 'parent';
		case 'area.staff':
			return actor.role === 'guide' || actor.role === 'caseworker' || actor.role === 'coordinator';
		case 'guide.directory':
			return actor.role === 'youth' || actor.role === 'parent' || actor.role === 'coordinator';
		case 'guide.profile':
			return actor.role === 'guide';
		case 'visitation.manage':
		case 'outcomes.read':
		case 'unitInbox.read':
		case 'settings.manage':
		case 'staff.manage':
		case 'caseload.import':
		case 'checkins.escalations':
			return actor.role === 'coordinator';
		case 'caseload.filter':
			// Filter one's list by guide, status and flags: those who may see the flags of everyone on it.
			return actor.role === 'guide' || actor.role === 'coordinator';
		case 'invite.create':
			return actor.role === 'guide' || actor.role === 'coordinator';
		case 'messages.use':
			// Those who write in conversations: never parents or caseworkers (rule 5).
			return actor.role === 'youth' || actor.role === 'guide' || actor.role === 'coordinator';
		case 'notifications.manage':
			// Everyone decides about notifications on their own devices.
			return true;
		case 'sessions.manage':
			// Everyone sees where they are signed in and ends their own sessions.
			return true;
		case 'profile.own':
			// A young person's or parent's own profile: the phone and e-mail the guide may use, the
			// password. Staff keep theirs at /staff/profile (the guide directory's profile).
			return actor.role === 'youth' || actor.role === 'parent';
		case 'passkeys.own':
			// "Use this phone's screen lock" (issue 19): for the young person's and the parent's own
			// phone. Staff sign in with their employer's login (or a password) and keep none.
			return actor.role === 'youth' || actor.role === 'parent';
	}
}

/** One message thread as the policy sees it. */
export interface ThreadFacts {
	/** The guide the conversation is with; null: the youth unit's. */
	guideId: string | null;
	/** The young person's present conversation: open, and with their guide now (or the unit while they have none). */
	current: boolean;
}

/**
 * May the actor read (or write in) this conversation of the young person's? The young person
 * reads all of their own and writes only in the current one; staff see only the current one
 * they answer, so a new guide does not inherit the old conversation and a former guide loses
 * it (rule 8). The coordinator answers the youth unit's, and the current guide's while that
 * guide is away (issue 17), never an earlier one.
 */
export function threadRule(actor: Actor, access: 'read' | 'write', r: Relation, thread: ThreadFacts): boolean {
	if (!actor || !rule(actor, access === 'read' ? 'messages.read' : 'messages.send', r)) return false;
	if (access === 'write' && !thread.current) return false;
	if (r.self) return true;
	if (!thread.current) return false;
	if (actor.role === 'guide') return thread.guideId === actor.id;
	return actor.role === 'coordinator' && (thread.guideId === null || r.guideAway);
}
