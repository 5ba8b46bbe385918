import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { accessLog, consentRecords, planHistory, plans, planSteps } from '../db/schema';
import { agreementOf, getPlanView, groupOf, isOverdue } from './view';
import { approvalPdfsMade } from './approval';
import { agreeToPlan, createPlan, updateGoal } from './goal';
import { commentOnStep } from './steps';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

let db: Db;
const who = (u: string) => demoUser(db, u);
const idOf = (u: string) => who(u).id;

/** The HTTP status a refused call throws (SvelteKit's `error`), or undefined if it did not throw. */
function statusOf(fn: () => unknown): number | undefined {
	try {
		fn();
	} catch (e) {
		return (e as { status?: number }).status ?? -1;
	}
	return undefined;
}

const logFor = (youth: string, actor: string) =>
	db
		.select()
		.from(accessLog)
		.where(and(eq(accessLog.youthId, idOf(youth)), eq(accessLog.actorId, idOf(actor))))
		.all();

const planOf = (youth: string) =>
	db
		.select()
		.from(plans)
		.where(eq(plans.youthId, idOf(youth)))
		.get()!;

beforeEach(async () => {
	db = await freshDemoDatabase();
});

// An approval's PDF is made after the answer: done before the next test's database.
afterEach(approvalPdfsMade);

describe('reading the plan', () => {
	it('shows freja her whole plan, grouped now / next / done, without logging her own read', () => {
		const view = getPlanView(who('freja'), idOf('freja'))!;
		expect(view.plan.goalText).toMatch(/tømrer/);
		expect(view.agreement).toBe('current');
		const byTitle = Object.fromEntries(view.steps.map((s) => [s.title, s]));
		expect(byTitle['Afklaringssamtale om uddannelsesvalg']!.group).toBe('done');
		const application = byTitle['Send din ansøgning til praktikpladsen hos Hansen Byg']!;
		expect(application.group).toBe('now');
		expect(application.overdue).toBe(true);
		expect(application.may).toEqual({
			edit: false,
			update: false,
			complete: true,
			comment: true,
			agree: false,
			dispute: false,
			answer: false
		});
		expect(byTitle['Tilmeld dig grundforløb 1 på EUD']!.group).toBe('next');
		expect(byTitle['Find en læreplads inden for tømrerfaget']!.ownerName).toBe('Ali Demir');
		expect(view.meetings).toHaveLength(2);
		expect(view.people!.map((p) => [p.kind, p.name ?? p.department])).toEqual([
			['guide', 'Mette Larsen'],
			['department', 'uu'],
			['caseworker', 'Ali Demir']
		]);
		expect(view.history.map((h) => h.action)).toContain('plan_agreed');
		expect(view.may).toEqual({ edit: false, participate: true });
		expect(db.select().from(accessLog).all()).toHaveLength(0);
	});

	it('lets the caseworker under consent read the plan and logs every read', () => {
		const view = getPlanView(who('ali'), idOf('freja'))!;
		expect(view.may.edit).toBe(false);
		const mine = view.steps.find((s) => s.ownerDepartment === 'jobcenter')!;
		expect(mine.may).toEqual({ edit: false, update: true, complete: false, comment: true, agree: false, dispute: false, answer: false });
		expect(view.steps.filter((s) => s.may.update)).toHaveLength(1);
		getPlanView(who('ali'), idOf('freja'));
		const log = logFor('freja', 'ali');
		expect(log.filter((l) => l.resource === 'plan')).toHaveLength(2);
		expect(log.every((l) => l.actorRole === 'caseworker' && l.actorDepartment === 'jobcenter')).toBe(true);
	});

	it('refuses a caseworker without consent, another guide and the coordinator, and logs nothing', () => {
		for (const u of ['hanne', 'sofie', 'lone', 'peter']) expect(statusOf(() => getPlanView(who(u), idOf('freja')))).toBe(404);
		expect(db.select().from(accessLog).all()).toHaveLength(0);
	});

	it('shows a parent the shared plan, but not meetings (not shared) or proposals', () => {
		expect(statusOf(() => getPlanView(who('freja'), idOf('freja')))).toBeUndefined();
		const view = getPlanView(who('karen'), idOf('freja'))!;
		expect(view.meetings).toBeNull();
		expect(view.steps.every((s) => !s.may.comment && !s.may.complete && !s.may.update)).toBe(true);
		expect(logFor('freja', 'karen').map((l) => l.resource)).toEqual(['plan']);
	});

	it('shows a parent without the guide shared no guide and nobody involved: no staff names or ids anywhere in the view', () => {
		const cv = getPlanView(who('mette'), idOf('freja'))!.steps.find((s) => s.ownerKind === 'guide')!;
		expect(commentOnStep(who('mette'), idOf('freja'), cv.id, { body: 'Husk billedet til dit CV.' }).ok).toBe(true);
		const view = getPlanView(who('karen'), idOf('freja'))!;
		expect(view.guide).toBeNull();
		expect(view.people).toBeNull();
		const sent = JSON.stringify(view);
		for (const staff of ['mette', 'ali', 'lone']) {
			expect(sent).not.toContain(idOf(staff));
			expect(sent).not.toContain(who(staff).displayName);
		}
		// The plan itself is all there: the steps (owned by "the guide", a department), the comment, the history.
		expect(view.steps.find((s) => s.id === cv.id)).toMatchObject({ ownerName: null, ownerUserId: null });
		expect(view.steps.find((s) => s.id === cv.id)!.comments.map((c) => c.body)).toEqual(['Husk billedet til dit CV.']);
		expect(view.history.map((h) => h.action)).toContain('plan_created');
		expect(sent).toContain('Freja Nielsen');

		// Shared with her, karen sees the guide and who is involved.
		const kinds = db
			.select()
			.from(consentRecords)
			.where(eq(consentRecords.parentId, idOf('karen')))
			.all();
		db.insert(consentRecords)
			.values({ ...kinds[0]!, id: 'karen-guide', dataKinds: ['plan', 'guide'], createdAt: new Date() })
			.run();
		const shared = getPlanView(who('karen'), idOf('freja'))!;
		expect(shared.guide).toEqual({ id: idOf('mette'), displayName: 'Mette Larsen' });
		expect(shared.people?.map((p) => p.name ?? p.department)).toEqual(['Mette Larsen', 'uu', 'Ali Demir']);
	});

	it('logs the guide’s reads too', () => {
		getPlanView(who('mette'), idOf('freja'));
		expect(
			logFor('freja', 'mette')
				.map((l) => l.resource)
				.sort()
		).toEqual(['meetings', 'plan']);
	});

	it('returns null for a young person without a plan', () => {
		expect(getPlanView(who('noah'), idOf('noah'))).toBeNull();
	});

	it('groups and flags steps by their dates', () => {
		const today = '2026-03-10';
		expect(groupOf({ status: 'todo', dueDate: '2026-03-24' }, today)).toBe('now');
		expect(groupOf({ status: 'todo', dueDate: '2026-03-25' }, today)).toBe('next');
		expect(groupOf({ status: 'todo', dueDate: null }, today)).toBe('next');
		expect(groupOf({ status: 'doing', dueDate: null }, today)).toBe('now');
		expect(isOverdue({ status: 'todo', dueDate: '2026-03-09' }, today)).toBe(true);
		expect(isOverdue({ status: 'done', dueDate: '2026-03-09' }, today)).toBe(false);
		expect(isOverdue({ status: 'todo', dueDate: '2026-03-10' }, today)).toBe(false);
		expect(agreementOf({ version: 2, agreedVersion: null })).toBe('never');
	});
});

describe('the goal and the agreement', () => {
	const goal = (version: number, goalText = 'Jeg vil være tømrer.') => ({
		goalType: 'education',
		goalText,
		targetDate: '',
		currentSituation: 'Jeg går i 10. klasse.',
		version: String(version)
	});

	it('records freja’s agreement with the version and the time', async () => {
		const mette = who('mette');
		const before = planOf('freja');
		expect(updateGoal(mette, idOf('freja'), goal(before.version))).toEqual({ ok: true });
		const changed = planOf('freja');
		expect(changed.version).toBe(before.version + 1);
		expect(agreementOf(changed)).toBe('stale');
		const at = new Date('2030-01-02T10:00:00Z');
		expect(await agreeToPlan(who('freja'), idOf('freja'), String(changed.version), at)).toEqual({ ok: true });
		const agreed = planOf('freja');
		expect(agreed.agreedVersion).toBe(changed.version);
		expect(agreed.agreedAt).toEqual(at);
		expect(agreementOf(agreed)).toBe('current');
	});

	it('refuses an agreement to a version that is no longer the plan, and records nothing', async () => {
		const old = planOf('freja');
		updateGoal(who('mette'), idOf('freja'), goal(old.version));
		const historyBefore = db.select().from(planHistory).all().length;
		expect(await agreeToPlan(who('freja'), idOf('freja'), String(old.version))).toEqual({ ok: false, error: 'stale' });
		const after = planOf('freja');
		expect(after.agreedVersion).toBe(old.agreedVersion);
		expect(after.agreedAt).toEqual(old.agreedAt);
		expect(db.select().from(planHistory).all()).toHaveLength(historyBefore);
	});

	it('lets only the young person agree', () => {
		expect(statusOf(() => agreeToPlan(who('mette'), idOf('freja'), '3'))).toBe(404);
		expect(statusOf(() => agreeToPlan(who('karen'), idOf('freja'), '3'))).toBe(404);
	});

	it('refuses a second save on a stale version, keeping the saved goal', () => {
		const { version } = planOf('freja');
		expect(updateGoal(who('mette'), idOf('freja'), goal(version, 'Første ændring'))).toEqual({ ok: true });
		const second = updateGoal(who('mette'), idOf('freja'), goal(version, 'Anden ændring'));
		expect(second.ok).toBe(false);
		if (second.ok) return;
		expect(second.error).toBe('conflict');
		expect(second.current).toMatchObject({ goalText: 'Første ændring', version: version + 1 });
		expect(planOf('freja').goalText).toBe('Første ændring');
	});

	it('validates the goal and changes nothing on bad input', () => {
		const { version, goalText } = planOf('freja');
		expect(updateGoal(who('mette'), idOf('freja'), goal(version, ''))).toEqual({ ok: false, error: 'goal_text' });
		expect(updateGoal(who('mette'), idOf('freja'), goal(version, 'x'.repeat(501)))).toEqual({ ok: false, error: 'goal_text' });
		expect(updateGoal(who('mette'), idOf('freja'), { ...goal(version), goalType: 'holiday' })).toEqual({ ok: false, error: 'goal_type' });
		expect(updateGoal(who('mette'), idOf('freja'), { ...goal(version), targetDate: '2020-01-01' })).toEqual({
			ok: false,
			error: 'target_date'
		});
		expect(updateGoal(who('mette'), idOf('freja'), { ...goal(version), targetDate: '2030-02-30' })).toEqual({
			ok: false,
			error: 'target_date'
		});
		expect(planOf('freja')).toMatchObject({ version, goalText });
	});

	it('lets only the guide change the goal', () => {
		for (const u of ['freja', 'ali', 'karen', 'lone']) expect(statusOf(() => updateGoal(who(u), idOf('freja'), goal(3)))).toBe(404);
	});

	it('lets the guide start a plan for a young person without one, once', () => {
		const sofie = who('sofie');
		const oliver = idOf('oliver');
		expect(createPlan(sofie, oliver, goal(1, 'Gymnasiet'))).toMatchObject({ ok: true });
		expect(createPlan(sofie, oliver, goal(1, 'Igen'))).toEqual({ ok: false, error: 'exists' });
		expect(getPlanView(who('oliver'), oliver)!.history.map((h) => h.action)).toEqual(['plan_created']);
		expect(statusOf(() => createPlan(who('mette'), idOf('noah'), goal(1)))).toBe(404);
		expect(
			db
				.select()
				.from(planSteps)
				.where(eq(planSteps.planId, planOf('oliver').id))
				.all()
		).toHaveLength(0);
	});
});
