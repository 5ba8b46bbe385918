import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { accessLog, meetings, planHistory, plans, planSteps, stepComments, type PlanStep } from '../db/schema';
import { getPlanView } from './view';
import { approvalPdfsMade } from './approval';
import { agreeToPlan } from './goal';
import { addStep, commentOnStep, declineStep, moveStep, proposeStep, removeStep, setOwnStepDone, updateStep } from './steps';
import { cancelMeeting, copenhagenTime, scheduleMeeting } from './meetings';
import { getPlanSummary } from './overview';
import { listCaseloadPage } from './caseload';
import { readCaseloadQuery } from '../../shared/caseload';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

let db: Db;
const who = (u: string) => demoUser(db, u);
const frejaId = () => who('freja').id;

function statusOf(fn: () => unknown): number | undefined {
	try {
		fn();
	} catch (e) {
		return (e as { status?: number }).status ?? -1;
	}
	return undefined;
}

const frejaPlan = () => db.select().from(plans).where(eq(plans.youthId, frejaId())).get()!;
const steps = () => db.select().from(planSteps).where(eq(planSteps.planId, frejaPlan().id)).orderBy(asc(planSteps.position)).all();
const step = (title: RegExp): PlanStep => steps().find((s) => title.test(s.title))!;
const historyActions = () =>
	db
		.select()
		.from(planHistory)
		.where(eq(planHistory.planId, frejaPlan().id))
		.all()
		.map((h) => h.action);
const values = (s: PlanStep, changes: Record<string, string> = {}) => ({
	title: s.title,
	description: s.description,
	owner:
		s.ownerKind === 'caseworker'
			? `caseworker:${s.ownerUserId}`
			: s.ownerKind === 'department'
				? `department:${s.ownerDepartment}`
				: s.ownerKind,
	dueDate: s.dueDate ?? '',
	status: s.status,
	version: String(s.version),
	...changes
});

beforeEach(async () => {
	db = await freshDemoDatabase();
});

// An approval's PDF is made after the answer: done before the next test's database.
afterEach(approvalPdfsMade);

describe('the young person takes part', () => {
	it('marks her own step done (and undone), without asking her to agree again', () => {
		const application = step(/ansøgning/);
		const { version } = frejaPlan();
		expect(setOwnStepDone(who('freja'), frejaId(), application.id, true)).toEqual({ ok: true });
		expect(step(/ansøgning/)).toMatchObject({ status: 'done' });
		expect(step(/ansøgning/).completedAt).not.toBeNull();
		expect(frejaPlan().version).toBe(version);
		expect(setOwnStepDone(who('freja'), frejaId(), application.id, false)).toEqual({ ok: true });
		expect(step(/ansøgning/)).toMatchObject({ status: 'todo', completedAt: null });
		expect(historyActions()).toEqual(expect.arrayContaining(['step_done', 'step_reopened']));
	});

	it('may not mark a step done that someone else owns', () => {
		expect(statusOf(() => setOwnStepDone(who('freja'), frejaId(), step(/CV/).id, true))).toBe(404);
		expect(statusOf(() => setOwnStepDone(who('mette'), frejaId(), step(/ansøgning/).id, true))).toBe(404);
		expect(step(/CV/).status).toBe('doing');
	});

	it('proposes a step that the guide accepts with changes: then she is asked to look again', async () => {
		const { version } = frejaPlan();
		expect(proposeStep(who('freja'), frejaId(), { title: 'Besøg tømrerskolen', description: 'Åbent hus', dueDate: '' })).toEqual({
			ok: true
		});
		const proposal = step(/tømrerskolen/);
		expect(proposal).toMatchObject({ status: 'proposed', ownerKind: 'youth', proposedBy: frejaId() });
		expect(frejaPlan().version).toBe(version);
		// Only the young person and the guide see proposals.
		expect(getPlanView(who('ali'), frejaId())!.steps.some((s) => s.id === proposal.id)).toBe(false);
		expect(getPlanView(who('karen'), frejaId())!.steps.some((s) => s.id === proposal.id)).toBe(false);
		expect(getPlanView(who('mette'), frejaId())!.steps.find((s) => s.id === proposal.id)!.group).toBe('proposed');

		const accepted = updateStep(
			who('mette'),
			frejaId(),
			proposal.id,
			values(proposal, { title: 'Besøg tømrerskolen til åbent hus', status: 'todo' }),
			new Date(),
			true
		);
		expect(accepted).toEqual({ ok: true });
		expect(step(/tømrerskolen/)).toMatchObject({ status: 'todo', title: 'Besøg tømrerskolen til åbent hus', version: 2 });
		expect(frejaPlan().version).toBe(version + 1);
		expect(getPlanView(who('freja'), frejaId())!.agreement).toBe('stale');
		expect(historyActions()).toEqual(expect.arrayContaining(['step_proposed', 'step_accepted']));
		expect(await agreeToPlan(who('freja'), frejaId(), String(version + 1))).toEqual({ ok: true });
	});

	it('sees a declined proposal as declined; it never joins the plan', () => {
		proposeStep(who('freja'), frejaId(), { title: 'Tag på ferie', description: '', dueDate: '' });
		const proposal = step(/ferie/);
		expect(declineStep(who('mette'), frejaId(), proposal.id, String(proposal.version))).toEqual({ ok: true });
		expect(step(/ferie/).status).toBe('declined');
		expect(getPlanView(who('freja'), frejaId())!.steps.find((s) => s.id === proposal.id)!.group).toBe('declined');
		expect(updateStep(who('mette'), frejaId(), proposal.id, values(step(/ferie/)), new Date(), true)).toEqual({
			ok: false,
			error: 'state'
		});
		expect(statusOf(() => declineStep(who('freja'), frejaId(), proposal.id, '2'))).toBe(404);
	});

	it('validates proposals', () => {
		const before = steps().length;
		expect(proposeStep(who('freja'), frejaId(), { title: '', description: '', dueDate: '' })).toEqual({ ok: false, error: 'title' });
		expect(proposeStep(who('freja'), frejaId(), { title: 'x'.repeat(121), description: '', dueDate: '' })).toEqual({
			ok: false,
			error: 'title'
		});
		expect(proposeStep(who('freja'), frejaId(), { title: 'Ok', description: 'x'.repeat(1001), dueDate: '' })).toEqual({
			ok: false,
			error: 'description'
		});
		expect(proposeStep(who('freja'), frejaId(), { title: 'Ok', description: '', dueDate: '2001-01-01' })).toEqual({
			ok: false,
			error: 'due_date'
		});
		expect(proposeStep(who('freja'), frejaId(), { title: 'Ok', description: '', dueDate: 'i morgen' })).toEqual({
			ok: false,
			error: 'due_date'
		});
		expect(statusOf(() => proposeStep(who('karen'), frejaId(), { title: 'Ok' }))).toBe(404);
		expect(steps()).toHaveLength(before);
	});

	it('comments on a step; a parent may not', () => {
		const cv = step(/CV/);
		expect(commentOnStep(who('freja'), frejaId(), cv.id, { body: '  Jeg har skrevet et udkast.  ' })).toEqual({ ok: true });
		expect(commentOnStep(who('mette'), frejaId(), cv.id, { body: 'Super!' })).toEqual({ ok: true });
		expect(commentOnStep(who('freja'), frejaId(), cv.id, { body: ' ' })).toEqual({ ok: false, error: 'comment' });
		expect(commentOnStep(who('freja'), frejaId(), cv.id, { body: 'x'.repeat(501) })).toEqual({ ok: false, error: 'comment' });
		expect(statusOf(() => commentOnStep(who('karen'), frejaId(), cv.id, { body: 'Hej' }))).toBe(404);
		expect(statusOf(() => commentOnStep(who('ali'), frejaId(), cv.id, { body: 'Hej' }))).toBe(404);
		const view = getPlanView(who('freja'), frejaId())!;
		expect(view.steps.find((s) => s.id === cv.id)!.comments.map((c) => [c.body, c.byYouth])).toEqual([
			['Jeg har skrevet et udkast.', true],
			['Super!', false]
		]);
	});
});

describe('the guide edits the plan', () => {
	it('adds a step with an owner; the young person sees it and is asked to look again', () => {
		const ali = who('ali');
		const { version } = frejaPlan();
		const added = addStep(who('mette'), frejaId(), {
			title: 'Jobsamtale',
			description: '',
			owner: `caseworker:${ali.id}`,
			dueDate: '',
			status: 'todo'
		});
		expect(added.ok).toBe(true);
		expect(step(/Jobsamtale/)).toMatchObject({ ownerKind: 'caseworker', ownerDepartment: 'jobcenter', ownerUserId: ali.id, position: 6 });
		expect(frejaPlan().version).toBe(version + 1);
		const view = getPlanView(who('freja'), frejaId())!;
		expect(view.agreement).toBe('stale');
		expect(view.steps.some((s) => s.title === 'Jobsamtale')).toBe(true);
	});

	it('names the owner: the guide, a department, a caseworker; refuses an unknown owner', () => {
		const mette = who('mette');
		addStep(mette, frejaId(), { title: 'A', owner: 'guide', status: 'todo', dueDate: '', description: '' });
		expect(step(/^A$/)).toMatchObject({ ownerKind: 'guide', ownerUserId: mette.id });
		addStep(mette, frejaId(), { title: 'B', owner: 'department:uu', status: 'todo', dueDate: '', description: '' });
		expect(step(/^B$/)).toMatchObject({ ownerKind: 'department', ownerDepartment: 'uu', ownerUserId: null });
		// FGU exists, but freja does not share her plan with it (src/lib/server/plan/owners.test.ts).
		expect(addStep(mette, frejaId(), { title: 'B2', owner: 'department:fgu', status: 'todo', dueDate: '', description: '' })).toEqual({
			ok: false,
			error: 'owner_not_permitted'
		});
		for (const owner of ['department:police', `caseworker:${mette.id}`, 'caseworker:nobody', 'parent', ''])
			expect(addStep(mette, frejaId(), { title: 'C', owner, status: 'todo', dueDate: '', description: '' })).toEqual({
				ok: false,
				error: 'owner'
			});
		expect(steps().some((s) => s.title === 'C')).toBe(false);
	});

	it('edits a step; a second save on the stale version gets a conflict with the saved values', () => {
		const cv = step(/CV/);
		const mette = who('mette');
		expect(updateStep(mette, frejaId(), cv.id, values(cv, { title: 'Lav et CV (første)' }))).toEqual({ ok: true });
		const second = updateStep(mette, frejaId(), cv.id, values(cv, { title: 'Lav et CV (anden)' }));
		expect(second).toMatchObject({ ok: false, error: 'conflict', current: { title: 'Lav et CV (første)', version: cv.version + 1 } });
		expect(step(/CV/).title).toBe('Lav et CV (første)');
	});

	it('refuses a due date before the plan existed and keeps the step as it was', () => {
		const cv = step(/CV/);
		expect(updateStep(who('mette'), frejaId(), cv.id, values(cv, { dueDate: '2000-01-01' }))).toEqual({ ok: false, error: 'due_date' });
		expect(step(/CV/)).toEqual(cv);
	});

	it('moves steps up and down, and removes a step unless it changed meanwhile', () => {
		const mette = who('mette');
		const cv = step(/CV/);
		moveStep(mette, frejaId(), cv.id, 'up');
		expect(steps().map((s) => s.title.slice(0, 12))).toEqual([
			'Afklaringssa',
			'Lav et CV sa',
			'Send din ans',
			'Find en lære',
			'Tilmeld dig '
		]);
		moveStep(mette, frejaId(), steps()[0]!.id, 'up'); // already first: nothing moves
		expect(steps()[0]!.title).toMatch(/Afklaring/);
		// A step moves among the steps of its own group: "Tilmeld" is later, not now.
		moveStep(mette, frejaId(), step(/læreplads/).id, 'down');
		expect(steps().at(-1)!.title).toMatch(/Tilmeld/);
		moveStep(mette, frejaId(), step(/læreplads/).id, 'up');
		expect(steps().map((s) => s.title.slice(0, 12))).toEqual([
			'Afklaringssa',
			'Lav et CV sa',
			'Find en lære',
			'Send din ans',
			'Tilmeld dig '
		]);
		const last = step(/Tilmeld/);
		expect(removeStep(mette, frejaId(), last.id, String(last.version + 1))).toEqual({ ok: false, error: 'conflict' });
		expect(removeStep(mette, frejaId(), last.id, String(last.version))).toEqual({ ok: true });
		expect(steps()).toHaveLength(4);
		expect(historyActions()).toEqual(expect.arrayContaining(['steps_reordered', 'step_removed']));
		expect(statusOf(() => moveStep(who('freja'), frejaId(), cv.id, 'down'))).toBe(404);
		expect(statusOf(() => removeStep(who('ali'), frejaId(), step(/læreplads/).id, '1'))).toBe(404);
	});

	it('keeps other guides out', () => {
		expect(statusOf(() => addStep(who('jonas'), frejaId(), { title: 'X', owner: 'youth', status: 'todo' }))).toBe(404);
		expect(statusOf(() => updateStep(who('sofie'), frejaId(), step(/CV/).id, values(step(/CV/))))).toBe(404);
	});
});

describe('a caseworker updates the steps their department owns', () => {
	it('lets ali (jobcenter, consented) update the jobcenter step, but not its owner', () => {
		const job = step(/læreplads/);
		const { version } = frejaPlan();
		const result = updateStep(who('ali'), frejaId(), job.id, values(job, { status: 'done', owner: 'youth' }));
		expect(result).toEqual({ ok: true });
		expect(step(/læreplads/)).toMatchObject({ status: 'done', ownerKind: 'caseworker', ownerDepartment: 'jobcenter' });
		// A status change is not a change of the plan's content: no need to agree again.
		expect(frejaPlan().version).toBe(version);
		expect(updateStep(who('ali'), frejaId(), job.id, values(step(/læreplads/), { dueDate: '2099-01-01' }))).toEqual({
			ok: false,
			error: 'due_date'
		});
		expect(commentOnStep(who('ali'), frejaId(), job.id, { body: 'Vi har fundet tre mestre.' })).toEqual({ ok: true });
	});

	it('refuses ali on steps another department or person owns, and hanne (no consent) on all', () => {
		for (const title of [/CV/, /ansøgning/, /Afklaring/]) {
			const s = step(title);
			expect(statusOf(() => updateStep(who('ali'), frejaId(), s.id, values(s, { status: 'done' })))).toBe(404);
		}
		const job = step(/læreplads/);
		expect(statusOf(() => updateStep(who('hanne'), frejaId(), job.id, values(job, { status: 'done' })))).toBe(404);
		expect(statusOf(() => updateStep(who('ali'), who('amina').id, job.id, values(job)))).toBe(404);
		expect(steps().filter((s) => s.status === 'done')).toHaveLength(1);
		expect(db.select().from(stepComments).all()).toHaveLength(0);
	});

	it('stops the moment the consent is no longer in force', async () => {
		const { consentRecords } = await import('../db/schema');
		const job = step(/læreplads/);
		const give = db.select().from(consentRecords).where(eq(consentRecords.department, 'jobcenter')).get()!;
		db.insert(consentRecords)
			.values({ ...give, id: 'withdraw-1', action: 'withdraw', createdAt: new Date() })
			.run();
		expect(statusOf(() => updateStep(who('ali'), frejaId(), job.id, values(job, { status: 'done' })))).toBe(404);
		expect(statusOf(() => getPlanView(who('ali'), frejaId()))).toBe(404);
	});
});

describe('meetings', () => {
	const now = new Date('2030-05-01T08:00:00Z');
	const meeting = { startsAt: '2030-05-02T10:00', durationMinutes: '60', place: 'Ungeenheden', withWhom: 'Mette', bring: 'CV' };

	it('schedules a meeting in Copenhagen time and cancels it', () => {
		const result = scheduleMeeting(who('mette'), frejaId(), meeting, now);
		expect(result.ok).toBe(true);
		const row = db.select().from(meetings).where(eq(meetings.place, 'Ungeenheden')).get()!;
		expect(row.startsAt.toISOString()).toBe('2030-05-02T08:00:00.000Z'); // summer time: UTC+2
		expect(cancelMeeting(who('mette'), frejaId(), row.id, now)).toEqual({ ok: true });
		expect(cancelMeeting(who('mette'), frejaId(), row.id, now)).toEqual({ ok: false, error: 'not_found' });
	});

	it('refuses a meeting in the past, an impossible time and missing texts', () => {
		expect(scheduleMeeting(who('mette'), frejaId(), { ...meeting, startsAt: '2030-05-01T09:59' }, now)).toEqual({
			ok: false,
			error: 'starts_at'
		});
		expect(scheduleMeeting(who('mette'), frejaId(), { ...meeting, startsAt: '2030-03-31T02:30' }, new Date('2030-01-01'))).toEqual({
			ok: false,
			error: 'starts_at'
		});
		expect(scheduleMeeting(who('mette'), frejaId(), { ...meeting, place: '' }, now)).toEqual({ ok: false, error: 'place' });
		expect(scheduleMeeting(who('mette'), frejaId(), { ...meeting, durationMinutes: '0' }, now)).toEqual({ ok: false, error: 'duration' });
		expect(statusOf(() => scheduleMeeting(who('freja'), frejaId(), meeting, now))).toBe(404);
		expect(copenhagenTime('2030-01-15T12:00')!.toISOString()).toBe('2030-01-15T11:00:00.000Z');
	});
});

describe('the overview', () => {
	const listOf = (user: ReturnType<typeof who>, query = '') => listCaseloadPage(user, readCaseloadQuery(new URLSearchParams(query))).rows;

	it('lists mette’s young people with goal, next meeting, overdue steps and agreement', () => {
		const [row] = listOf(who('mette'));
		expect(row).toMatchObject({ displayName: 'Freja Nielsen', plan: { overdueSteps: 1, agreement: 'current', proposals: 0 } });
		expect(row!.nextMeeting).toBeInstanceOf(Date);
		// The list shows plan data, so it is a read of the plan too: logged for the young person.
		const log = db
			.select()
			.from(accessLog)
			.where(eq(accessLog.actorId, who('mette').id))
			.all();
		expect(log.map((l) => [l.youthId, l.resource])).toEqual([[frejaId(), 'plan_overview']]);
	});

	it('shows a caseworker the young people who share with the department, and logs it', () => {
		const rows = listOf(who('ali'));
		expect(rows.map((r) => r.displayName)).toEqual(['Freja Nielsen']);
		expect(rows[0]!.plan).not.toBeNull();
		expect(listOf(who('hanne'))).toEqual([]);
		expect(
			db
				.select()
				.from(accessLog)
				.all()
				.map((l) => l.actorDepartment)
		).toEqual(['jobcenter']);
	});

	it('sorts by the columns the viewer may see, on the server', () => {
		const lone = who('lone');
		const rows = listOf(lone); // the coordinator sees no plans: every plan value missing
		expect(rows.every((r) => r.plan === null)).toBe(true);
		expect(listOf(lone, 'sort=age&dir=desc').map((r) => r.age)).toEqual([...rows.map((r) => r.age)].sort((a, b) => b - a));
		// Plans' columns are not the coordinator's to sort by: the name order instead.
		const names = listOf(lone, 'sort=overdue&dir=desc').map((r) => r.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'da')));
		expect(readCaseloadQuery(new URLSearchParams('sort=overdue'))).toMatchObject({ sort: 'overdue', direction: 'desc' });
		expect(readCaseloadQuery(new URLSearchParams('sort=drop table&dir=up'))).toMatchObject({ sort: 'name', direction: 'asc' });
	});

	it('summarises the plan on the young person’s front page', () => {
		const summary = getPlanSummary(who('freja'), frejaId())!;
		expect(summary.nowSteps.map((s) => s.title)).toHaveLength(3);
		expect(summary).toMatchObject({ agreement: 'current', doneSteps: 1, totalSteps: 5 });
		expect(getPlanSummary(who('noah'), who('noah').id)).toBeNull();
		expect(statusOf(() => getPlanSummary(who('mette'), frejaId()))).toBe(404);
	});
});
