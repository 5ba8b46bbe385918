/**
 * The one place that decides access (DESIGN.md rule 2: deny by default).
 *
 * Every page, form action and endpoint asks this module "may actor A do X to young person Y's
 * data now?". The answer is computed from the database on every call (the guide assignment,
 * parent links and the consent records in force), so a withdrawal or a reassignment takes effect
 * on the very next request. Nothing is cached.
 *
 * `rule` is the pure decision table (unit-tested case by case); `can`/`authorize` gather the
 * facts for one request and apply it.
 */
import { error, redirect } from '@sveltejs/kit';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '../db';
import { inSlices } from '../db/slices';
import { guideAssignments, guideRequests, parentLinks, users, type DataKind, type Department, type StepOwnerKind } from '../db/schema';
import { deriveConsentStates, kindsInForce, loadConsentRecordsOf } from '../consent/state';
import { agesOn } from '../dates';
import { getSettings } from '../settings/settings';
import type { SessionUser } from '../auth/session';

export type Actor = SessionUser | null;

/** Actions on one young person's data. */
export const YOUTH_ACTIONS = [
	'profile.read',
	'plan.read',
	'plan.edit',
	'plan.participate',
	'plan.editDepartmentSteps',
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
	'status.read',
	'status.set',
	'privacy.read',
	'data.export',
	'parent.invite'
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
	'settings.manage'
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
}

const NONE: ReadonlySet<DataKind> = new Set();

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
	openGuideRequest: false
};

/** The decision table for actions on a young person's data. Deny unless a line allows. */
export function rule(actor: Actor, action: YouthAction, r: Relation): boolean {
	if (!actor || !r.exists) return false;
	const youth = r.self;
	const guide = actor.role === 'guide' && r.assignedGuide;
	const parentSees = (kind: DataKind) => actor.role === 'parent' && r.linkedParent && r.parentKinds.has(kind);
	const caseworkerSees = (kind: DataKind) => actor.role === 'caseworker' && r.departmentKinds.has(kind);
	const coordinator = actor.role === 'coordinator';
	const custodian = actor.role === 'parent' && r.linkedParent && r.custody && r.age < r.selfConsentAge;

	switch (action) {
		case 'profile.read':
			return (
				youth ||
				guide ||
				coordinator ||
				(actor.role === 'parent' && r.linkedParent) ||
				(actor.role === 'caseworker' && r.departmentKinds.size > 0)
			);
		case 'plan.read':
			return youth || guide || parentSees('plan') || caseworkerSees('plan');
		case 'plan.edit':
			return guide;
		case 'plan.participate':
			return youth;
		case 'plan.editDepartmentSteps':
			return caseworkerSees('plan');
		case 'meetings.read':
			return youth || guide || parentSees('meetings') || caseworkerSees('meetings');
		case 'guide.read':
			return youth || guide || coordinator || parentSees('guide') || caseworkerSees('guide');
		case 'guide.request':
			return youth || (actor.role === 'parent' && r.linkedParent && r.age < 18);
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
			// Parents and caseworkers never see messages (rule 5); without a guide the youth
			// unit (the coordinator) answers.
			return youth || guide || (coordinator && !r.hasGuide);
		case 'checkins.read':
			return youth || guide || caseworkerSees('checkins');
		case 'checkins.answer':
			return youth;
		case 'checkins.manage':
			return guide;
		case 'status.read':
			return youth || guide || coordinator || caseworkerSees('plan');
		case 'status.set':
			return guide;
		case 'privacy.read':
		case 'data.export':
			return youth;
		case 'parent.invite':
			return guide || coordinator;
	}
}

/** Actions on one step of a plan, decided on top of the actions on the young person's plan. */
export const STEP_ACTIONS = ['step.edit', 'step.update', 'step.complete', 'step.comment'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** What the step rule needs to know about a step. */
export interface StepFacts {
	ownerKind: StepOwnerKind;
	ownerDepartment: Department | null;
}

/**
 * Who may do what to one step: the guide edits everything (owner, order, removal, proposals);
 * a caseworker under consent updates the steps their own department owns; the young person
 * marks their own steps done; all three may comment on the steps they may act on.
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
	}
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
			return actor.role === 'coordinator';
		case 'invite.create':
			return actor.role === 'guide' || actor.role === 'coordinator';
		case 'messages.use':
			// Those who write in conversations: never parents or caseworkers (rule 5).
			return actor.role === 'youth' || actor.role === 'guide' || actor.role === 'coordinator';
		case 'notifications.manage':
			// Everyone decides about notifications on their own devices.
			return true;
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
 * it (rule 8).
 */
export function threadRule(actor: Actor, access: 'read' | 'write', r: Relation, thread: ThreadFacts): boolean {
	if (!actor || !rule(actor, access === 'read' ? 'messages.read' : 'messages.send', r)) return false;
	if (access === 'write' && !thread.current) return false;
	if (r.self) return true;
	if (!thread.current) return false;
	if (actor.role === 'guide') return thread.guideId === actor.id;
	return actor.role === 'coordinator' && thread.guideId === null;
}

/** Gathers the facts between an actor and a young person from the database, now. */
export function relationOf(actor: NonNullable<Actor>, youthId: string, now = new Date()): Relation {
	return relationsOf(actor, [youthId], now).get(youthId) ?? NO_RELATION;
}

/** The current guide of each of these young people (absent: the youth unit answers). */
export function currentGuideIds(youthIds: readonly string[]): Map<string, string> {
	return new Map(
		inSlices(youthIds, (slice) =>
			db()
				.select({ youthId: guideAssignments.youthId, guideId: guideAssignments.guideId })
				.from(guideAssignments)
				.where(and(inArray(guideAssignments.youthId, slice), isNull(guideAssignments.endedAt)))
				.all()
		).map((a) => [a.youthId, a.guideId])
	);
}

/**
 * The facts between an actor and many young people at once (a staff member's list), with a few
 * queries in all instead of a few per young person. The same facts as `relationOf` for each:
 * relationOf is this for one.
 */
export function relationsOf(actor: NonNullable<Actor>, youthIds: readonly string[], now = new Date()): Map<string, Relation> {
	const result = new Map<string, Relation>();
	const ids = [...new Set(youthIds)];
	const people = inSlices(ids, (slice) =>
		db()
			.select({ id: users.id, role: users.role, birthDate: users.birthDate, disabledAt: users.disabledAt })
			.from(users)
			.where(inArray(users.id, slice))
			.all()
	).filter((y) => y.role === 'youth' && y.birthDate && !y.disabledAt);
	if (!people.length) return result;
	const found = people.map((y) => y.id);

	const { selfConsentAge } = getSettings();
	const guideOf = currentGuideIds(found);
	const links =
		actor.role === 'parent'
			? new Map(
					inSlices(found, (slice) =>
						db()
							.select({ youthId: parentLinks.youthId, custody: parentLinks.custody })
							.from(parentLinks)
							.where(and(eq(parentLinks.parentId, actor.id), inArray(parentLinks.youthId, slice)))
							.all()
					).map((l) => [l.youthId, l])
				)
			: new Map<string, { custody: boolean }>();
	const consentFor = actor.role === 'parent' ? [...links.keys()] : actor.role === 'caseworker' && actor.department ? found : [];
	const records = loadConsentRecordsOf(consentFor);
	const openRequests =
		actor.role === 'coordinator'
			? new Set(
					inSlices(found, (slice) =>
						db()
							.select({ youthId: guideRequests.youthId })
							.from(guideRequests)
							.where(and(inArray(guideRequests.youthId, slice), inArray(guideRequests.status, ['open', 'suggested'])))
							.all()
					).map((r) => r.youthId)
				)
			: new Set<string>();

	const ageOf = agesOn(now);
	for (const youth of people) {
		const link = links.get(youth.id);
		let parentKinds = NONE;
		let departmentKinds = NONE;
		if ((actor.role === 'parent' && link) || (actor.role === 'caseworker' && actor.department)) {
			const states = deriveConsentStates(records.get(youth.id) ?? [], { id: youth.id, birthDate: youth.birthDate! }, selfConsentAge);
			if (actor.role === 'parent') parentKinds = kindsInForce(states, { kind: 'parent', parentId: actor.id });
			else departmentKinds = kindsInForce(states, { kind: 'department', department: actor.department as Department });
		}
		const guideId = guideOf.get(youth.id);
		result.set(youth.id, {
			exists: true,
			self: actor.id === youth.id,
			assignedGuide: guideId === actor.id,
			hasGuide: guideId !== undefined,
			linkedParent: !!link,
			custody: !!link?.custody,
			parentKinds,
			departmentKinds,
			age: ageOf(youth.birthDate!),
			selfConsentAge,
			openGuideRequest: openRequests.has(youth.id)
		});
	}
	return result;
}

/** May the actor do this to the young person's data now? */
export function can(actor: Actor, action: YouthAction, youthId: string): boolean {
	if (!actor) return false;
	return rule(actor, action, relationOf(actor, youthId));
}

/** May the actor do this to one step of the young person's plan now? */
export function canOnStep(actor: Actor, action: StepAction, youthId: string, step: StepFacts): boolean {
	if (!actor) return false;
	return stepRule(actor, action, relationOf(actor, youthId), step);
}

/**
 * Throws unless allowed: anonymous users are sent to log in; anyone else gets 404, so that a
 * refusal does not even reveal that the young person exists.
 */
export function authorize(actor: Actor, action: YouthAction, youthId: string): asserts actor is SessionUser {
	if (!actor) redirect(303, '/login');
	if (!can(actor, action, youthId)) error(404, 'not_found');
}

/** Throws unless the actor may do this global action (anonymous: to login; others: 404). */
export function authorizeGlobal(actor: Actor, action: GlobalAction): asserts actor is SessionUser {
	if (!actor) redirect(303, '/login');
	if (!globalRule(actor, action)) error(404, 'not_found');
}

/** Where each role lands after login. */
export function homeFor(role: SessionUser['role']): string {
	switch (role) {
		case 'youth':
			return '/';
		case 'parent':
			return '/parent';
		default:
			return '/staff';
	}
}
