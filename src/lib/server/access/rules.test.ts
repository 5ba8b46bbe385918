import { beforeAll, describe, expect, it } from 'vitest';
import { can } from './guard';
import { ownerAccessOf, relationOf, relationsOf } from './facts';
import {
	globalRule,
	NO_RELATION,
	ownerRule,
	rule,
	STEP_ACTIONS,
	stepRule,
	threadRule,
	YOUTH_ACTIONS,
	type Relation,
	type StepAction,
	type StepFacts,
	type ThreadFacts,
	type YouthAction
} from './rules';
import type { SessionUser } from '../auth';
import { eq } from 'drizzle-orm';
import { guideProfiles, type DataKind, type Department } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

// ---- The pure decision table -----------------------------------------------------------------

const actor = (role: SessionUser['role'], department: SessionUser['department'] = null): SessionUser => ({
	id: `${role}-1`,
	username: role,
	displayName: role,
	role,
	department,
	birthDate: role === 'youth' ? '2009-01-01' : null
});
const rel = (r: Partial<Relation>): Relation => ({
	...NO_RELATION,
	exists: true,
	age: 17,
	...r
});
const kinds = (...k: DataKind[]) => new Set<DataKind>(k);

type Case = [string, SessionUser | null, YouthAction, Relation, boolean];
const cases: Case[] = [
	['anonymous may do nothing', null, 'plan.read', rel({ self: true }), false],
	['nobody acts on a young person who does not exist', actor('coordinator'), 'profile.read', NO_RELATION, false],
	['the young person reads their own plan', actor('youth'), 'plan.read', rel({ self: true }), true],
	['another young person may not', actor('youth'), 'plan.read', rel({}), false],
	['the young person takes part in their plan', actor('youth'), 'plan.participate', rel({ self: true }), true],
	['the young person may not edit as staff', actor('youth'), 'plan.edit', rel({ self: true }), false],
	['the assigned guide reads the plan', actor('guide'), 'plan.read', rel({ assignedGuide: true, hasGuide: true }), true],
	['the assigned guide edits the plan', actor('guide'), 'plan.edit', rel({ assignedGuide: true, hasGuide: true }), true],
	['another guide may not read it', actor('guide'), 'plan.read', rel({ hasGuide: true }), false],
	['another guide may not message', actor('guide'), 'messages.read', rel({ hasGuide: true }), false],
	['a parent with the plan shared reads it', actor('parent'), 'plan.read', rel({ linkedParent: true, parentKinds: kinds('plan') }), true],
	[
		'a parent without the plan shared may not',
		actor('parent'),
		'plan.read',
		rel({ linkedParent: true, parentKinds: kinds('guide') }),
		false
	],
	['an unlinked parent may not', actor('parent'), 'plan.read', rel({ parentKinds: kinds('plan') }), false],
	[
		'a parent never reads messages',
		actor('parent'),
		'messages.read',
		rel({
			linkedParent: true,
			custody: true,
			parentKinds: kinds('plan', 'guide', 'meetings')
		}),
		false
	],
	[
		'a caseworker under consent reads the plan',
		actor('caseworker', 'jobcenter'),
		'plan.read',
		rel({ departmentKinds: kinds('plan') }),
		true
	],
	['a caseworker without consent may not', actor('caseworker', 'family'), 'plan.read', rel({}), false],
	[
		'a caseworker under consent edits department steps',
		actor('caseworker', 'jobcenter'),
		'plan.editDepartmentSteps',
		rel({ departmentKinds: kinds('plan') }),
		true
	],
	[
		'a caseworker never edits the whole plan',
		actor('caseworker', 'jobcenter'),
		'plan.edit',
		rel({ departmentKinds: kinds('plan') }),
		false
	],
	[
		'a caseworker never reads messages',
		actor('caseworker', 'jobcenter'),
		'messages.read',
		rel({ departmentKinds: kinds('plan', 'guide') }),
		false
	],
	['the coordinator does not read plans', actor('coordinator'), 'plan.read', rel({ hasGuide: true }), false],
	['the coordinator answers a young person without a guide', actor('coordinator'), 'messages.read', rel({ hasGuide: false }), true],
	['the coordinator does not read a guide conversation', actor('coordinator'), 'messages.read', rel({ hasGuide: true }), false],
	[
		'the coordinator reads it while the guide is away (issue 17)',
		actor('coordinator'),
		'messages.read',
		rel({ hasGuide: true, guideAway: true }),
		true
	],
	['… and answers it', actor('coordinator'), 'messages.send', rel({ hasGuide: true, guideAway: true }), true],
	['… and not when the guide is not away', actor('coordinator'), 'messages.send', rel({ hasGuide: true, guideAway: false }), false],
	['an away guide changes nothing for another guide', actor('guide'), 'messages.read', rel({ hasGuide: true, guideAway: true }), false],
	[
		'nor for a parent',
		actor('parent'),
		'messages.read',
		rel({ linkedParent: true, custody: true, hasGuide: true, guideAway: true, parentKinds: kinds('plan', 'guide') }),
		false
	],
	[
		'nor for a caseworker',
		actor('caseworker', 'jobcenter'),
		'messages.read',
		rel({ hasGuide: true, guideAway: true, departmentKinds: kinds('plan', 'guide') }),
		false
	],
	['the coordinator still does not read the plan', actor('coordinator'), 'plan.read', rel({ hasGuide: true, guideAway: true }), false],
	['only the young person changes consent', actor('guide'), 'consent.change', rel({ assignedGuide: true }), false],
	['the young person changes consent', actor('youth'), 'consent.change', rel({ self: true }), true],
	[
		'a custody holder co-signs under the self-consent age',
		actor('parent'),
		'consent.cosign',
		rel({ linkedParent: true, custody: true, age: 14 }),
		true
	],
	[
		'a custody holder does not co-sign from the self-consent age',
		actor('parent'),
		'consent.cosign',
		rel({ linkedParent: true, custody: true, age: 15 }),
		false
	],
	[
		'a parent without custody does not co-sign',
		actor('parent'),
		'consent.cosign',
		rel({ linkedParent: true, custody: false, age: 14 }),
		false
	],
	[
		'a custody holder with the plan shared co-signs the approved plan under 18',
		actor('parent'),
		'plan.cosign',
		rel({ linkedParent: true, custody: true, age: 16, parentKinds: kinds('plan') }),
		true
	],
	[
		'… not without the plan shared',
		actor('parent'),
		'plan.cosign',
		rel({ linkedParent: true, custody: true, age: 16, parentKinds: kinds('guide') }),
		false
	],
	[
		'… not without custody',
		actor('parent'),
		'plan.cosign',
		rel({ linkedParent: true, custody: false, age: 16, parentKinds: kinds('plan') }),
		false
	],
	['… not from 18', actor('parent'), 'plan.cosign', rel({ linkedParent: true, custody: true, age: 18, parentKinds: kinds('plan') }), false],
	['the young person does not co-sign', actor('youth'), 'plan.cosign', rel({ self: true }), false],
	['the young person downloads the approved plans', actor('youth'), 'plan.approvals.read', rel({ self: true }), true],
	['the assigned guide downloads them', actor('guide'), 'plan.approvals.read', rel({ assignedGuide: true, hasGuide: true }), true],
	[
		'a caseworker with the plan shared downloads them',
		actor('caseworker', 'jobcenter'),
		'plan.approvals.read',
		rel({ departmentKinds: kinds('plan') }),
		true
	],
	[
		'the co-signing custody holder downloads them',
		actor('parent'),
		'plan.approvals.read',
		rel({ linkedParent: true, custody: true, age: 16, parentKinds: kinds('plan') }),
		true
	],
	[
		'a parent without custody does not',
		actor('parent'),
		'plan.approvals.read',
		rel({ linkedParent: true, custody: false, age: 16, parentKinds: kinds('plan') }),
		false
	],
	['the coordinator does not', actor('coordinator'), 'plan.approvals.read', rel({ hasGuide: true }), false],
	['another guide does not', actor('guide'), 'plan.approvals.read', rel({ hasGuide: true }), false],
	['a parent may ask for a guide for a minor', actor('parent'), 'guide.request', rel({ linkedParent: true, age: 14 }), true],
	['a parent may not ask for a guide for an adult', actor('parent'), 'guide.request', rel({ linkedParent: true, age: 18 }), false],
	['the young person reads their guide requests', actor('youth'), 'guide.requests.read', rel({ self: true }), true],
	['the coordinator reads guide requests', actor('coordinator'), 'guide.requests.read', rel({ hasGuide: true }), true],
	[
		'the current guide never reads guide requests (a change reason is hidden)',
		actor('guide'),
		'guide.requests.read',
		rel({ assignedGuide: true, hasGuide: true }),
		false
	],
	[
		'a parent does not read the young person’s own requests',
		actor('parent'),
		'guide.requests.read',
		rel({ linkedParent: true, age: 14 }),
		false
	],
	['only the young person answers a suggested guide', actor('youth'), 'guide.answerSuggestion', rel({ self: true }), true],
	[
		'a parent does not answer a suggested guide',
		actor('parent'),
		'guide.answerSuggestion',
		rel({ linkedParent: true, custody: true, age: 14 }),
		false
	],
	[
		'the coordinator reads what the visitation needs while a request waits',
		actor('coordinator'),
		'visitation.read',
		rel({ openGuideRequest: true }),
		true
	],
	['and not otherwise', actor('coordinator'), 'visitation.read', rel({ openGuideRequest: false }), false],
	['a guide is not the visitation', actor('guide'), 'visitation.read', rel({ assignedGuide: true, openGuideRequest: true }), false],
	['only the young person reads who looked', actor('guide'), 'privacy.read', rel({ assignedGuide: true }), false],
	['the young person answers their own check-in', actor('youth'), 'checkins.answer', rel({ self: true }), true],
	['a guide never answers a check-in', actor('guide'), 'checkins.answer', rel({ assignedGuide: true }), false],
	['the assigned guide sets the follow-up rhythm', actor('guide'), 'checkins.manage', rel({ assignedGuide: true }), true],
	['another guide may not set a rhythm', actor('guide'), 'checkins.manage', rel({ hasGuide: true }), false],
	['the young person may not set a rhythm', actor('youth'), 'checkins.manage', rel({ self: true }), false],
	['the assigned guide marks a low answer followed up', actor('guide'), 'checkins.followUp', rel({ assignedGuide: true }), true],
	['the coordinator marks a low answer followed up', actor('coordinator'), 'checkins.followUp', rel({ hasGuide: true }), true],
	['another guide may not mark a low answer followed up', actor('guide'), 'checkins.followUp', rel({ hasGuide: true }), false],
	['the young person may not mark their own answer followed up', actor('youth'), 'checkins.followUp', rel({ self: true }), false],
	[
		'a parent may not mark a low answer followed up',
		actor('parent'),
		'checkins.followUp',
		rel({ linkedParent: true, custody: true, parentKinds: kinds('plan', 'guide', 'meetings') }),
		false
	],
	['a caseworker may not mark a low answer followed up', actor('caseworker'), 'checkins.followUp', rel({ hasGuide: true }), false],
	['the coordinator does not read check-ins', actor('coordinator'), 'checkins.read', rel({ hasGuide: true }), false],
	[
		'a caseworker reads check-ins shared with the department',
		actor('caseworker', 'uu'),
		'checkins.read',
		rel({ departmentKinds: kinds('checkins') }),
		true
	],
	[
		'a caseworker without check-ins shared may not',
		actor('caseworker', 'uu'),
		'checkins.read',
		rel({ departmentKinds: kinds('plan') }),
		false
	],
	['the young person reads their own status', actor('youth'), 'status.read', rel({ self: true }), true],
	['the coordinator reads the status', actor('coordinator'), 'status.read', rel({ hasGuide: true }), true],
	[
		'a caseworker with the plan shared reads the status',
		actor('caseworker', 'uu'),
		'status.read',
		rel({ departmentKinds: kinds('plan') }),
		true
	],
	['a caseworker without consent may not read the status', actor('caseworker', 'family'), 'status.read', rel({}), false],
	['a parent does not read the status', actor('parent'), 'status.read', rel({ linkedParent: true, parentKinds: kinds('plan') }), false],
	['the assigned guide sets the status', actor('guide'), 'status.set', rel({ assignedGuide: true }), true],
	['another guide may not set the status', actor('guide'), 'status.set', rel({ hasGuide: true }), false],
	['the coordinator does not set the status', actor('coordinator'), 'status.set', rel({ hasGuide: true }), false],
	['the young person does not set their own status', actor('youth'), 'status.set', rel({ self: true }), false],
	['only the young person exports their data', actor('youth'), 'data.export', rel({ self: true }), true],
	['the assigned guide sees the flags on their list', actor('guide'), 'caseload.flags', rel({ assignedGuide: true, hasGuide: true }), true],
	['another guide does not', actor('guide'), 'caseload.flags', rel({ hasGuide: true }), false],
	['the coordinator sees every young person’s flags', actor('coordinator'), 'caseload.flags', rel({ hasGuide: true }), true],
	['but still not the plan', actor('coordinator'), 'plan.read', rel({ hasGuide: true }), false],
	[
		'a caseworker under consent does not see the flags',
		actor('caseworker', 'jobcenter'),
		'caseload.flags',
		rel({ departmentKinds: kinds('plan', 'guide', 'meetings') }),
		false
	],
	['the young person has no list', actor('youth'), 'caseload.flags', rel({ self: true }), false],
	['a parent has no list', actor('parent'), 'caseload.flags', rel({ linkedParent: true, parentKinds: kinds('plan') }), false],
	// From 18 a parent link counts only while the young person's own consent to that parent is in force.
	[
		'a parent linked to an adult who shares nothing with them sees nothing, not even who they are',
		actor('parent'),
		'profile.read',
		rel({ linkedParent: true, age: 20 }),
		false
	],
	[
		'custody recorded on the link of an adult changes nothing',
		actor('parent'),
		'profile.read',
		rel({ linkedParent: true, custody: true, age: 18 }),
		false
	],
	[
		'a parent linked to an adult who shares the plan sees who they are',
		actor('parent'),
		'profile.read',
		rel({ linkedParent: true, age: 20, parentKinds: kinds('plan') }),
		true
	],
	['… and the plan', actor('parent'), 'plan.read', rel({ linkedParent: true, age: 20, parentKinds: kinds('plan') }), true],
	['a parent of a minor sees who they are without a consent', actor('parent'), 'profile.read', rel({ linkedParent: true, age: 17 }), true],
	['an adult young person removes a parent link', actor('youth'), 'parent.unlink', rel({ self: true, age: 18 }), true],
	['a young person under 18 does not', actor('youth'), 'parent.unlink', rel({ self: true, age: 17 }), false],
	['a parent does not remove the link', actor('parent'), 'parent.unlink', rel({ linkedParent: true, age: 20 }), false],
	['the guide does not remove a parent link', actor('guide'), 'parent.unlink', rel({ assignedGuide: true, age: 20 }), false],
	['the guide invites a custody holder for a minor', actor('guide'), 'parent.inviteCustodian', rel({ assignedGuide: true, age: 17 }), true],
	['nobody invites a custody holder for an adult', actor('guide'), 'parent.inviteCustodian', rel({ assignedGuide: true, age: 18 }), false],
	['not the coordinator either', actor('coordinator'), 'parent.inviteCustodian', rel({ age: 20 }), false],
	['the coordinator invites a custody holder for a minor', actor('coordinator'), 'parent.inviteCustodian', rel({ age: 14 }), true],
	['another guide does not', actor('guide'), 'parent.inviteCustodian', rel({ hasGuide: true, age: 14 }), false],
	// Losing access (issue 19): a new sign-in code for the young person or a linked parent.
	['the assigned guide makes a new sign-in code', actor('guide'), 'signIn.reissue', rel({ assignedGuide: true, hasGuide: true }), true],
	['the coordinator makes one', actor('coordinator'), 'signIn.reissue', rel({ hasGuide: true }), true],
	['another guide does not', actor('guide'), 'signIn.reissue', rel({ hasGuide: true }), false],
	[
		'a caseworker under consent does not',
		actor('caseworker', 'jobcenter'),
		'signIn.reissue',
		rel({ departmentKinds: kinds('plan') }),
		false
	],
	[
		'a parent does not, not even a custody holder',
		actor('parent'),
		'signIn.reissue',
		rel({ linkedParent: true, custody: true, age: 14 }),
		false
	],
	['the young person does not make their own', actor('youth'), 'signIn.reissue', rel({ self: true }), false]
];

describe('policy: the decision table', () => {
	it.each(cases)('%s', (_name, who, action, relation, expected) => {
		expect(rule(who, action, relation)).toBe(expected);
	});

	it('denies every action to anonymous and on a missing young person', () => {
		for (const action of YOUTH_ACTIONS) {
			expect(rule(null, action, rel({ self: true }))).toBe(false);
			expect(rule(actor('coordinator'), action, NO_RELATION)).toBe(false);
		}
	});

	it('lets each role into its own area only', () => {
		expect(globalRule(actor('youth'), 'area.youth')).toBe(true);
		expect(globalRule(actor('youth'), 'area.staff')).toBe(false);
		expect(globalRule(actor('parent'), 'area.parent')).toBe(true);
		expect(globalRule(actor('parent'), 'area.youth')).toBe(false);
		for (const role of ['guide', 'caseworker', 'coordinator'] as const) expect(globalRule(actor(role), 'area.staff')).toBe(true);
		expect(globalRule(actor('guide'), 'visitation.manage')).toBe(false);
		expect(globalRule(actor('coordinator'), 'visitation.manage')).toBe(true);
		expect(globalRule(null, 'area.youth')).toBe(false);
		for (const role of ['youth', 'parent'] as const) expect(globalRule(actor(role), 'profile.own')).toBe(true);
		for (const role of ['guide', 'caseworker', 'coordinator'] as const) expect(globalRule(actor(role), 'profile.own')).toBe(false);
		expect(globalRule(null, 'profile.own')).toBe(false);
		for (const role of ['youth', 'parent', 'coordinator'] as const) expect(globalRule(actor(role), 'guide.directory')).toBe(true);
		for (const role of ['guide', 'caseworker'] as const) expect(globalRule(actor(role), 'guide.directory')).toBe(false);
		expect(globalRule(actor('coordinator'), 'outcomes.read')).toBe(true);
		for (const role of ['youth', 'parent', 'guide', 'caseworker'] as const) expect(globalRule(actor(role), 'outcomes.read')).toBe(false);
		// Low check-in answers no one followed up (issue 20): the coordinator's list only.
		expect(globalRule(actor('coordinator'), 'checkins.escalations')).toBe(true);
		for (const role of ['youth', 'parent', 'guide', 'caseworker'] as const)
			expect(globalRule(actor(role), 'checkins.escalations')).toBe(false);
		expect(globalRule(actor('coordinator'), 'settings.manage')).toBe(true);
		for (const role of ['youth', 'parent', 'guide', 'caseworker'] as const) expect(globalRule(actor(role), 'settings.manage')).toBe(false);
		expect(globalRule(null, 'settings.manage')).toBe(false);
		expect(globalRule(actor('guide'), 'guide.profile')).toBe(true);
		for (const role of ['youth', 'parent', 'caseworker', 'coordinator'] as const)
			expect(globalRule(actor(role), 'guide.profile')).toBe(false);
	});

	it('lets the coordinator alone run the administration and the import', () => {
		for (const action of ['staff.manage', 'caseload.import'] as const) {
			expect(globalRule(actor('coordinator'), action)).toBe(true);
			for (const role of ['youth', 'parent', 'guide', 'caseworker'] as const) expect(globalRule(actor(role), action)).toBe(false);
			expect(globalRule(null, action)).toBe(false);
		}
	});

	it('lets guides and the coordinator filter their lists by flags, and nobody else', () => {
		for (const role of ['guide', 'coordinator'] as const) expect(globalRule(actor(role), 'caseload.filter')).toBe(true);
		for (const role of ['youth', 'parent', 'caseworker'] as const) expect(globalRule(actor(role), 'caseload.filter')).toBe(false);
		expect(globalRule(null, 'caseload.filter')).toBe(false);
	});

	it('lets every logged-in person, and nobody else, manage their own notifications', () => {
		for (const role of ['youth', 'parent', 'guide', 'caseworker', 'coordinator'] as const)
			expect(globalRule(actor(role), 'notifications.manage')).toBe(true);
		expect(globalRule(null, 'notifications.manage')).toBe(false);
	});

	it('lets every logged-in person, and nobody else, see and end their own sessions', () => {
		for (const role of ['youth', 'parent', 'guide', 'caseworker', 'coordinator'] as const)
			expect(globalRule(actor(role), 'sessions.manage')).toBe(true);
		expect(globalRule(null, 'sessions.manage')).toBe(false);
	});

	it('lets young people and parents, and nobody else, keep passkeys', () => {
		for (const role of ['youth', 'parent'] as const) expect(globalRule(actor(role), 'passkeys.own')).toBe(true);
		for (const role of ['guide', 'caseworker', 'coordinator'] as const) expect(globalRule(actor(role), 'passkeys.own')).toBe(false);
		expect(globalRule(null, 'passkeys.own')).toBe(false);
	});
});

// ---- Message threads (rule 8: a new guide does not inherit the old conversation) ---------------

type ThreadCase = [string, SessionUser | null, 'read' | 'write', Relation, ThreadFacts, boolean];
const guide = actor('guide');
const current = (guideId: string | null): ThreadFacts => ({ guideId, current: true });
const earlier = (guideId: string | null): ThreadFacts => ({ guideId, current: false });
const threadCases: ThreadCase[] = [
	['the young person writes in the current conversation', actor('youth'), 'write', rel({ self: true, hasGuide: true }), current('g'), true],
	[
		'the young person reads an earlier guide’s conversation',
		actor('youth'),
		'read',
		rel({ self: true, hasGuide: true }),
		earlier('old'),
		true
	],
	[
		'the young person does not write in an earlier one',
		actor('youth'),
		'write',
		rel({ self: true, hasGuide: true }),
		earlier('old'),
		false
	],
	['the guide writes in their current conversation', guide, 'write', rel({ assignedGuide: true, hasGuide: true }), current(guide.id), true],
	['the new guide does not read the former guide’s', guide, 'read', rel({ assignedGuide: true, hasGuide: true }), earlier('old'), false],
	['the new guide does not read the youth unit’s', guide, 'read', rel({ assignedGuide: true, hasGuide: true }), earlier(null), false],
	['a former guide reads nothing', guide, 'read', rel({ hasGuide: true }), earlier(guide.id), false],
	['another guide reads nothing', guide, 'read', rel({ hasGuide: true }), current('other'), false],
	['the coordinator answers the youth unit’s conversation', actor('coordinator'), 'write', rel({ hasGuide: false }), current(null), true],
	['the coordinator loses it once a guide is assigned', actor('coordinator'), 'read', rel({ hasGuide: true }), earlier(null), false],
	[
		'the coordinator reads the guide’s current conversation while the guide is away',
		actor('coordinator'),
		'read',
		rel({ hasGuide: true, guideAway: true }),
		current('g'),
		true
	],
	['… and writes in it', actor('coordinator'), 'write', rel({ hasGuide: true, guideAway: true }), current('g'), true],
	['… not before or after the away period', actor('coordinator'), 'read', rel({ hasGuide: true }), current('g'), false],
	['… nor writes then', actor('coordinator'), 'write', rel({ hasGuide: true }), current('g'), false],
	[
		'… nor an earlier guide’s conversation while the guide is away',
		actor('coordinator'),
		'read',
		rel({ hasGuide: true, guideAway: true }),
		earlier('old'),
		false
	],
	['… nor the youth unit’s earlier one', actor('coordinator'), 'read', rel({ hasGuide: true, guideAway: true }), earlier(null), false],
	[
		'the away guide still writes in their own conversation',
		guide,
		'write',
		rel({ assignedGuide: true, hasGuide: true, guideAway: true }),
		current(guide.id),
		true
	],
	[
		'a parent with everything shared reads no conversation',
		actor('parent'),
		'read',
		rel({ linkedParent: true, custody: true, parentKinds: kinds('plan', 'guide', 'meetings', 'checkins') }),
		current('g'),
		false
	],
	[
		'a caseworker with consent reads no conversation',
		actor('caseworker', 'jobcenter'),
		'read',
		rel({ departmentKinds: kinds('plan', 'guide', 'meetings', 'checkins'), hasGuide: true }),
		current('g'),
		false
	],
	['anonymous reads nothing', null, 'read', rel({ self: true }), current(null), false]
];

describe('policy: message threads', () => {
	it.each(threadCases)('%s', (_name, who, access, relation, thread, expected) => {
		expect(threadRule(who, access, relation, thread)).toBe(expected);
	});

	it('lets only those who write in conversations use messages', () => {
		for (const role of ['youth', 'guide', 'coordinator'] as const) expect(globalRule(actor(role), 'messages.use')).toBe(true);
		for (const role of ['parent', 'caseworker'] as const) expect(globalRule(actor(role), 'messages.use')).toBe(false);
		expect(globalRule(null, 'messages.use')).toBe(false);
	});
});

// ---- The same rules on the demo municipality's real data -------------------------------------

describe('policy: on the demo data', () => {
	let db: Db;
	let ids: Record<string, string>;
	beforeAll(async () => {
		db = await freshDemoDatabase();
		ids = Object.fromEntries(['freja', 'noah', 'amina'].map((u) => [u, demoUser(db, u).id]));
	});
	const who = (u: string) => demoUser(db, u);

	it.each([
		['freja', 'plan.read', 'freja', true],
		['freja', 'plan.read', 'amina', false],
		['mette', 'plan.edit', 'freja', true],
		['mette', 'plan.read', 'amina', false],
		['jonas', 'plan.read', 'amina', true],
		['karen', 'plan.read', 'freja', true],
		['karen', 'guide.read', 'freja', false],
		['karen', 'messages.read', 'freja', false],
		['peter', 'plan.read', 'freja', false],
		['peter', 'profile.read', 'noah', true],
		['ali', 'plan.read', 'freja', true],
		['hanne', 'plan.read', 'freja', false],
		['hanne', 'profile.read', 'freja', false],
		['lone', 'messages.read', 'noah', true],
		['lone', 'messages.read', 'freja', false],
		['sofie', 'plan.read', 'freja', false]
	] as const)('%s %s of %s: %s', (username, action, youth, expected) => {
		expect(can(who(username), action, ids[youth]!)).toBe(expected);
	});

	it('lets the coordinator answer freja while mette is away, by the Copenhagen calendar, not before or after', () => {
		const mette = who('mette').id;
		const lone = who('lone');
		const away = (from: string | null, until: string | null) =>
			db.update(guideProfiles).set({ awayFrom: from, awayUntil: until }).where(eq(guideProfiles.userId, mette)).run();
		const at = (iso: string) => relationOf(lone, ids.freja!, new Date(iso));
		const mayRead = (iso: string) => rule(lone, 'messages.read', at(iso));
		const mayWrite = (iso: string) =>
			threadRule(lone, 'write', at(iso), { guideId: mette, current: true }) && rule(lone, 'messages.send', at(iso));
		try {
			// Away from Saturday 20 December 2025 to Friday 2 January 2026, both days included.
			away('2025-12-20', '2026-01-02');
			// 23:59 on the 19th in Copenhagen (22:59 UTC): not yet.
			expect(mayRead('2025-12-19T22:59:00Z')).toBe(false);
			expect(mayWrite('2025-12-19T22:59:00Z')).toBe(false);
			// Midnight on the 20th in Copenhagen, still the 19th in UTC: away.
			expect(at('2025-12-19T23:00:00Z').guideAway).toBe(true);
			expect(mayRead('2025-12-19T23:00:00Z')).toBe(true);
			expect(mayWrite('2025-12-19T23:00:00Z')).toBe(true);
			expect(mayWrite('2026-01-02T22:59:00Z')).toBe(true);
			// Midnight on the 3rd in Copenhagen: mette is back, and the conversation is hers alone again.
			expect(mayRead('2026-01-02T23:00:00Z')).toBe(false);
			expect(mayWrite('2026-01-02T23:00:00Z')).toBe(false);
			// Nothing else changes while she is away: another guide, a parent and a caseworker read no messages.
			for (const username of ['jonas', 'karen', 'ali'])
				expect(rule(who(username), 'messages.read', relationOf(who(username), ids.freja!, new Date('2025-12-24T12:00:00Z')))).toBe(false);
			// Another guide's away period gives the coordinator nothing of freja's.
			away(null, null);
			db.update(guideProfiles)
				.set({ awayFrom: '2025-12-20', awayUntil: '2026-01-02' })
				.where(eq(guideProfiles.userId, who('jonas').id))
				.run();
			expect(mayRead('2025-12-24T12:00:00Z')).toBe(false);
			expect(rule(lone, 'messages.read', relationOf(lone, ids.amina!, new Date('2025-12-24T12:00:00Z')))).toBe(true);
		} finally {
			away(null, null);
			db.update(guideProfiles)
				.set({ awayFrom: null, awayUntil: null })
				.where(eq(guideProfiles.userId, who('jonas').id))
				.run();
		}
	});

	it('answers no for an id that is not a young person', () => {
		expect(can(who('lone'), 'profile.read', who('mette').id)).toBe(false);
		expect(can(who('lone'), 'profile.read', 'no-such-id')).toBe(false);
	});

	const everyone = ['freja', 'noah', 'amina', 'oliver', 'ida', 'mette', 'jonas', 'sofie', 'lone', 'karen', 'peter', 'ali', 'hanne'];

	it('gathers the same facts for a whole list as for each young person alone', () => {
		const youth = ['freja', 'noah', 'amina', 'oliver', 'ida'].map((u) => who(u).id);
		for (const username of everyone) {
			const list = relationsOf(who(username), [...youth, who('mette').id, 'no-such-id']);
			expect([...list.keys()].sort()).toEqual([...youth].sort());
			for (const id of youth) expect(list.get(id)).toEqual(relationsOf(who(username), [id]).get(id));
		}
	});

	it('knows each fact for the right young person in a list', () => {
		const list = (username: string) => relationsOf(who(username), [ids.freja!, ids.noah!, ids.amina!]);
		expect(list('karen').get(ids.freja!)).toMatchObject({ linkedParent: true, custody: true, parentKinds: new Set(['plan']) });
		expect(list('karen').get(ids.noah!)).toMatchObject({ linkedParent: false, parentKinds: new Set() });
		expect(list('ali').get(ids.freja!)!.departmentKinds).toEqual(new Set(['plan', 'guide', 'meetings']));
		expect(list('ali').get(ids.amina!)!.departmentKinds).toEqual(new Set());
		expect(list('mette').get(ids.freja!)).toMatchObject({ assignedGuide: true, hasGuide: true });
		expect(list('mette').get(ids.amina!)).toMatchObject({ assignedGuide: false, hasGuide: true });
		expect(list('mette').get(ids.noah!)).toMatchObject({ assignedGuide: false, hasGuide: false, age: 14 });
	});

	it('asks for a list longer than SQLite takes parameters in one statement', () => {
		const many = [...Array.from({ length: 40_000 }, (_, i) => `missing-${i}`), ids.amina!];
		const list = relationsOf(who('lone'), many);
		expect([...list.keys()]).toEqual([ids.amina]);
		expect(rule(who('lone'), 'profile.read', list.get(ids.amina!)!)).toBe(true);
	});
});

// ---- Steps of the plan -----------------------------------------------------------------------

describe('policy: steps of the plan', () => {
	const jobcenterStep = { ownerKind: 'caseworker', ownerDepartment: 'jobcenter' } as const;
	const departmentStep = { ownerKind: 'department', ownerDepartment: 'jobcenter' } as const;
	const youthStep = { ownerKind: 'youth', ownerDepartment: null } as const;
	const guideStep = { ownerKind: 'guide', ownerDepartment: null } as const;
	const agreedGuideStep = { ...guideStep, agreedAt: new Date('2025-03-01T10:00:00Z') };
	const agreedYouthStep = { ...youthStep, agreedAt: new Date('2025-03-01T10:00:00Z') };
	const consented = rel({ departmentKinds: kinds('plan') });
	const guideRel = rel({ assignedGuide: true, hasGuide: true });

	type StepCase = [string, SessionUser | null, StepAction, Relation, StepFacts, boolean];
	const stepCases: StepCase[] = [
		['the guide edits any step', actor('guide'), 'step.edit', guideRel, youthStep, true],
		['another guide may not', actor('guide'), 'step.edit', rel({ hasGuide: true }), youthStep, false],
		['a caseworker never edits a step as the guide does', actor('caseworker', 'jobcenter'), 'step.edit', consented, jobcenterStep, false],
		[
			'a caseworker updates a step their caseworker colleague owns',
			actor('caseworker', 'jobcenter'),
			'step.update',
			consented,
			jobcenterStep,
			true
		],
		['a caseworker updates a step their department owns', actor('caseworker', 'jobcenter'), 'step.update', consented, departmentStep, true],
		[
			'not a step of another department',
			actor('caseworker', 'uu'),
			'step.update',
			rel({ departmentKinds: kinds('plan') }),
			jobcenterStep,
			false
		],
		['not the young person’s step', actor('caseworker', 'jobcenter'), 'step.update', consented, youthStep, false],
		['not without a consent in force', actor('caseworker', 'jobcenter'), 'step.update', rel({}), jobcenterStep, false],
		[
			'not under a consent that leaves out the plan',
			actor('caseworker', 'jobcenter'),
			'step.update',
			rel({ departmentKinds: kinds('meetings') }),
			jobcenterStep,
			false
		],
		['the young person completes her own step', actor('youth'), 'step.complete', rel({ self: true }), youthStep, true],
		['not the guide’s step', actor('youth'), 'step.complete', rel({ self: true }), guideStep, false],
		['not someone else’s plan', actor('youth'), 'step.complete', rel({}), youthStep, false],
		['the young person comments on any step', actor('youth'), 'step.comment', rel({ self: true }), guideStep, true],
		[
			'a parent who sees the plan does not comment',
			actor('parent'),
			'step.comment',
			rel({ linkedParent: true, parentKinds: kinds('plan') }),
			youthStep,
			false
		],
		['a caseworker comments on their department’s step', actor('caseworker', 'jobcenter'), 'step.comment', consented, jobcenterStep, true],
		['but not on other steps', actor('caseworker', 'jobcenter'), 'step.comment', consented, guideStep, false],
		['the coordinator does nothing to steps', actor('coordinator'), 'step.update', rel({ hasGuide: true }), departmentStep, false],
		['anonymous does nothing', null, 'step.comment', rel({ self: true }), youthStep, false],
		// Agreed steps and disputes (issue 21).
		['the guide marks a step agreed', actor('guide'), 'step.agree', guideRel, guideStep, true],
		['another guide may not', actor('guide'), 'step.agree', rel({ hasGuide: true }), guideStep, false],
		['the young person does not mark it agreed herself', actor('youth'), 'step.agree', rel({ self: true }), agreedYouthStep, false],
		['a caseworker does not mark their own step agreed', actor('caseworker', 'jobcenter'), 'step.agree', consented, jobcenterStep, false],
		['the young person disputes an agreed step', actor('youth'), 'step.dispute', rel({ self: true }), agreedGuideStep, true],
		['not a step that is not agreed', actor('youth'), 'step.dispute', rel({ self: true }), guideStep, false],
		['not another young person’s agreed step', actor('youth'), 'step.dispute', rel({}), agreedGuideStep, false],
		['the guide does not dispute', actor('guide'), 'step.dispute', guideRel, agreedGuideStep, false],
		[
			'a parent who sees the plan does not dispute',
			actor('parent'),
			'step.dispute',
			rel({ linkedParent: true, parentKinds: kinds('plan') }),
			agreedYouthStep,
			false
		],
		['the young person still may not change an agreed step', actor('youth'), 'step.update', rel({ self: true }), agreedYouthStep, false],
		['the guide answers a dispute', actor('guide'), 'step.answerDispute', guideRel, agreedGuideStep, true],
		['the young person does not answer', actor('youth'), 'step.answerDispute', rel({ self: true }), agreedGuideStep, false],
		['nor the coordinator', actor('coordinator'), 'step.answerDispute', rel({ hasGuide: true }), agreedGuideStep, false],
		[
			'nor the caseworker owning the step',
			actor('caseworker', 'jobcenter'),
			'step.answerDispute',
			consented,
			{ ...jobcenterStep, agreedAt: new Date() },
			false
		]
	];
	it.each(stepCases)('%s', (_name, who, action, relation, step, expected) => {
		expect(stepRule(who, action, relation, step)).toBe(expected);
	});

	it('denies every step action on a missing young person', () => {
		for (const action of STEP_ACTIONS) expect(stepRule(actor('guide'), action, NO_RELATION, youthStep)).toBe(false);
	});
});

describe('the owner rule: who may hold a step (can they see the plan?)', () => {
	type Sharing = Partial<Record<Department, { kinds: DataKind[]; withdrawn?: boolean }>>;
	const sharing = (shared: Sharing) => (d: Department) => ({
		kinds: kinds(...(shared[d]?.kinds ?? [])),
		withdrawn: !!shared[d]?.withdrawn
	});
	const owner = (ownerKind: StepFacts['ownerKind'], ownerDepartment: Department | null = null): StepFacts => ({
		ownerKind,
		ownerDepartment
	});
	const full: DataKind[] = ['plan', 'guide', 'meetings'];
	const cases: [string, StepFacts, Sharing, 'sees' | 'withdrawn' | 'not_shared'][] = [
		['the young person always', owner('youth'), {}, 'sees'],
		['the guide always', owner('guide'), {}, 'sees'],
		['a department the plan is shared with', owner('department', 'uu'), { uu: { kinds: full } }, 'sees'],
		['a caseworker in such a department', owner('caseworker', 'jobcenter'), { jobcenter: { kinds: full } }, 'sees'],
		['not a department without a consent', owner('department', 'family'), { uu: { kinds: full } }, 'not_shared'],
		['not a caseworker in it (hanne)', owner('caseworker', 'family'), { jobcenter: { kinds: full } }, 'not_shared'],
		[
			'not a department whose consent was withdrawn, and it says so',
			owner('caseworker', 'jobcenter'),
			{ jobcenter: { kinds: [], withdrawn: true } },
			'withdrawn'
		],
		['not a department shared something else than the plan', owner('department', 'ppr'), { ppr: { kinds: ['guide'] } }, 'not_shared'],
		['not a step without a department', owner('department'), { uu: { kinds: full } }, 'not_shared']
	];
	it.each(cases)('%s', (_name, step, shared, expected) => {
		expect(ownerRule(step, sharing(shared))).toBe(expected);
	});

	it('agrees with plan.read for a caseworker of the owning department', () => {
		for (const shared of [[], ['guide'], ['plan'], full] as DataKind[][]) {
			const seesPlan = rule(actor('caseworker', 'family'), 'plan.read', rel({ departmentKinds: kinds(...shared) }));
			expect(ownerRule(owner('caseworker', 'family'), () => ({ kinds: kinds(...shared), withdrawn: false })) === 'sees').toBe(seesPlan);
		}
	});

	it('counts a consent to a parent for nothing (a parent owns no step)', async () => {
		const database = await freshDemoDatabase();
		const freja = demoUser(database, 'freja');
		const sees = ownerAccessOf(freja.id);
		// Freja shares her plan with her mother karen and with UU and the jobcenter, not the family department.
		expect(sees(owner('department', 'uu'))).toBe('sees');
		expect(sees(owner('caseworker', 'jobcenter'))).toBe('sees');
		expect(sees(owner('caseworker', 'family'))).toBe('not_shared');
	});
});
