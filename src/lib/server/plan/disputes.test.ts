import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { planHistory, plans, planSteps, stepDisputes, type PlanStep } from '../db/schema';
import { answerDispute, disputeStep, markStepAgreed, unmarkStepAgreed } from './disputes';
import { removeStep, setOwnStepDone, updateStep } from './steps';
import { getPlanView } from './view';
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
const step = (title: RegExp): PlanStep =>
	db
		.select()
		.from(planSteps)
		.where(eq(planSteps.planId, frejaPlan().id))
		.all()
		.find((s) => title.test(s.title))!;
const cv = () => step(/CV/);
const application = () => step(/ansøgning/);
const disputes = (stepId: string) =>
	db.select().from(stepDisputes).where(eq(stepDisputes.stepId, stepId)).orderBy(asc(stepDisputes.createdAt)).all();
const history = () =>
	db
		.select()
		.from(planHistory)
		.where(eq(planHistory.planId, frejaPlan().id))
		.orderBy(asc(planHistory.createdAt))
		.all()
		.map((h) => ({ action: h.action, actorId: h.actorId, title: h.details.title }));
const values = (s: PlanStep, changes: Record<string, string> = {}) => ({
	title: s.title,
	description: s.description,
	owner: s.ownerKind === 'caseworker' ? `caseworker:${s.ownerUserId}` : s.ownerKind,
	dueDate: s.dueDate ?? '',
	status: s.status,
	version: String(s.version),
	...changes
});
const agree = (s: PlanStep) => markStepAgreed(who('mette'), frejaId(), s.id, String(s.version));

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('the guide marks a step agreed with the young person', () => {
	it('marks and unmarks, each in the history, without asking her to agree to the plan again', () => {
		const { version } = frejaPlan();
		expect(agree(cv())).toEqual({ ok: true });
		expect(cv().agreedAt).not.toBeNull();
		expect(cv().agreedBy).toBe(who('mette').id);
		expect(agree(cv())).toEqual({ ok: true });
		expect(unmarkStepAgreed(who('mette'), frejaId(), cv().id)).toEqual({ ok: true });
		expect(cv()).toMatchObject({ agreedAt: null, agreedBy: null });
		expect(frejaPlan().version).toBe(version);
		expect(history().filter((h) => h.action === 'step_agreed' || h.action === 'step_unagreed')).toEqual([
			{ action: 'step_agreed', actorId: who('mette').id, title: cv().title },
			{ action: 'step_unagreed', actorId: who('mette').id, title: cv().title }
		]);
	});

	it('marks only the step as the guide saw it, and not a proposal', () => {
		expect(markStepAgreed(who('mette'), frejaId(), cv().id, String(cv().version - 1 || 99))).toMatchObject({
			ok: false,
			error: 'conflict'
		});
		expect(markStepAgreed(who('mette'), frejaId(), cv().id, '')).toMatchObject({ ok: false, error: 'version' });
		db.update(planSteps).set({ status: 'proposed' }).where(eq(planSteps.id, cv().id)).run();
		expect(agree(cv())).toMatchObject({ ok: false, error: 'state' });
		expect(cv().agreedAt).toBeNull();
	});

	it('is the guide’s alone: not the young person, a caseworker, another guide or the coordinator', () => {
		for (const u of ['freja', 'karen', 'ali', 'hanne', 'sofie', 'lone']) {
			expect(statusOf(() => markStepAgreed(who(u), frejaId(), step(/læreplads/).id, String(step(/læreplads/).version)))).toBe(404);
			expect(statusOf(() => unmarkStepAgreed(who(u), frejaId(), step(/læreplads/).id))).toBe(404);
		}
		expect(step(/læreplads/).agreedAt).toBeNull();
	});

	it('comes off when the step’s title, description, owner or due date changes, not its status', () => {
		const changes: Record<string, string>[] = [
			{ title: 'Lav et CV og en ansøgning' },
			{ description: 'Noget andet' },
			{ owner: 'youth' },
			{ dueDate: '' }
		];
		for (const change of changes) {
			expect(agree(cv())).toEqual({ ok: true });
			expect(updateStep(who('mette'), frejaId(), cv().id, values(cv(), change))).toEqual({ ok: true });
			expect(cv().agreedAt).toBeNull();
			expect(history().at(-1)).toMatchObject({ action: 'step_unagreed' });
		}
		expect(agree(cv())).toEqual({ ok: true });
		expect(updateStep(who('mette'), frejaId(), cv().id, values(cv(), { status: 'done' }))).toEqual({ ok: true });
		expect(cv().agreedAt).not.toBeNull();
	});

	it('comes off when the caseworker changes their department’s agreed step', () => {
		const step4 = () => step(/læreplads/);
		expect(agree(step4())).toEqual({ ok: true });
		const { owner: _owner, ...mine } = values(step4(), { title: 'Find en læreplads som tømrer' });
		expect(updateStep(who('ali'), frejaId(), step4().id, mine)).toEqual({ ok: true });
		expect(step4().agreedAt).toBeNull();
	});
});

describe('the young person sees the agreed steps and may dispute one, not change it', () => {
	it('cannot change or remove an agreed step; marking her own step done is still hers', () => {
		expect(agree(application())).toEqual({ ok: true });
		expect(statusOf(() => updateStep(who('freja'), frejaId(), application().id, values(application(), { title: 'Noget andet' })))).toBe(
			404
		);
		expect(statusOf(() => removeStep(who('freja'), frejaId(), application().id, String(application().version)))).toBe(404);
		expect(application().title).toMatch(/ansøgning/);
		expect(setOwnStepDone(who('freja'), frejaId(), application().id, true)).toEqual({ ok: true });
		expect(application().agreedAt).not.toBeNull();
	});

	it('disputes an agreed step with a short text; one open dispute at a time', () => {
		expect(disputeStep(who('freja'), frejaId(), cv().id, { dispute: 'Jeg vil hellere lave det selv.' })).toMatchObject({
			ok: false,
			error: 'not_agreed'
		});
		expect(agree(cv())).toEqual({ ok: true });
		expect(disputeStep(who('freja'), frejaId(), cv().id, { dispute: '  ' })).toMatchObject({ ok: false, error: 'dispute' });
		expect(disputeStep(who('freja'), frejaId(), cv().id, { dispute: 'x'.repeat(1001) })).toMatchObject({ ok: false, error: 'dispute' });
		expect(disputeStep(who('freja'), frejaId(), cv().id, { dispute: ' Jeg vil hellere lave det selv. ' })).toEqual({ ok: true });
		expect(disputeStep(who('freja'), frejaId(), cv().id, { dispute: 'Og en gang til' })).toMatchObject({
			ok: false,
			error: 'dispute_open'
		});
		expect(disputes(cv().id)).toMatchObject([
			{ authorId: frejaId(), body: 'Jeg vil hellere lave det selv.', answer: null, answeredAt: null }
		]);
		// The step itself does not change.
		expect(cv()).toMatchObject({ title: 'Lav et CV sammen med din guide', status: 'doing' });
		expect(cv().agreedAt).not.toBeNull();
		expect(history().at(-1)).toEqual({ action: 'step_disputed', actorId: frejaId(), title: cv().title });
	});

	it('only the young person disputes: not the guide, a parent, a caseworker or another young person', () => {
		expect(agree(step(/læreplads/))).toEqual({ ok: true });
		for (const u of ['mette', 'karen', 'ali', 'hanne', 'oliver', 'lone']) {
			expect(statusOf(() => disputeStep(who(u), frejaId(), step(/læreplads/).id, { dispute: 'Nej' }))).toBe(404);
		}
		expect(disputes(step(/læreplads/).id)).toEqual([]);
	});
});

describe('the guide answers a dispute', () => {
	beforeEach(() => {
		agree(cv());
		disputeStep(who('freja'), frejaId(), cv().id, { dispute: 'Jeg vil hellere lave det selv.' });
	});

	it('the answer (required) closes the dispute; then she may dispute again', () => {
		expect(answerDispute(who('mette'), frejaId(), cv().id, { answer: '' })).toMatchObject({ ok: false, error: 'answer' });
		expect(answerDispute(who('mette'), frejaId(), cv().id, { answer: 'x'.repeat(1001) })).toMatchObject({ ok: false, error: 'answer' });
		expect(answerDispute(who('mette'), frejaId(), cv().id, { answer: 'Godt, så laver du et udkast først.' })).toEqual({ ok: true });
		expect(disputes(cv().id)).toMatchObject([{ answer: 'Godt, så laver du et udkast først.', answeredBy: who('mette').id }]);
		expect(disputes(cv().id)[0]!.answeredAt).not.toBeNull();
		expect(answerDispute(who('mette'), frejaId(), cv().id, { answer: 'Igen' })).toMatchObject({ ok: false, error: 'no_dispute' });
		expect(history().at(-1)).toEqual({ action: 'dispute_answered', actorId: who('mette').id, title: cv().title });
		expect(disputeStep(who('freja'), frejaId(), cv().id, { dispute: 'Stadig uenig.' })).toEqual({ ok: true });
		expect(disputes(cv().id)).toHaveLength(2);
	});

	it('only the guide answers: not the young person, the caseworker, another guide or the coordinator', () => {
		for (const u of ['freja', 'karen', 'ali', 'hanne', 'sofie', 'lone']) {
			expect(statusOf(() => answerDispute(who(u), frejaId(), cv().id, { answer: 'Svar' }))).toBe(404);
		}
		expect(disputes(cv().id)[0]!.answeredAt).toBeNull();
	});

	it('an open dispute stays open when the mark comes off, until the guide answers', () => {
		expect(unmarkStepAgreed(who('mette'), frejaId(), cv().id)).toEqual({ ok: true });
		expect(answerDispute(who('mette'), frejaId(), cv().id, { answer: 'Vi taler om det.' })).toEqual({ ok: true });
	});
});

describe('the plan view shows the agreed mark and the disputes to whoever reads the plan', () => {
	beforeEach(() => {
		agree(cv());
		disputeStep(who('freja'), frejaId(), cv().id, { dispute: 'Jeg vil hellere lave det selv.' });
	});
	const cvView = (u: string) => getPlanView(who(u), frejaId())!.steps.find((s) => /CV/.test(s.title))!;

	it('the young person: agreed, her dispute, no second one; then the answer', () => {
		const before = cvView('freja');
		expect(before.agreedAt).not.toBeNull();
		expect(before.disputes).toMatchObject([{ body: 'Jeg vil hellere lave det selv.', answer: null }]);
		expect(before.may).toMatchObject({ dispute: false, answer: false, agree: false, update: false });
		answerDispute(who('mette'), frejaId(), cv().id, { answer: 'Godt.' });
		const after = cvView('freja');
		expect(after.disputes).toMatchObject([{ answer: 'Godt.', answeredByName: 'Mette Larsen' }]);
		expect(after.may.dispute).toBe(true);
		expect(cvView('freja').may.dispute).toBe(true);
		const other = getPlanView(who('freja'), frejaId())!.steps.find((s) => /grundforløb/.test(s.title))!;
		expect(other).toMatchObject({ agreedAt: null, disputes: [], may: { dispute: false } });
	});

	it('the guide may answer and mark; the parent with the plan shared reads only', () => {
		expect(cvView('mette').may).toMatchObject({ agree: true, answer: true, dispute: false });
		expect(cvView('karen').disputes).toHaveLength(1);
		expect(cvView('karen').agreedAt).not.toBeNull();
		expect(cvView('karen').may).toMatchObject({ agree: false, answer: false, dispute: false });
	});

	it('a caseworker without the consent sees no dispute (the plan is refused)', () => {
		expect(statusOf(() => getPlanView(who('hanne'), frejaId()))).toBe(404);
		expect(statusOf(() => answerDispute(who('hanne'), frejaId(), cv().id, { answer: 'Svar' }))).toBe(404);
	});
});

describe('the guide’s list flags a young person waiting for an answer to a dispute', () => {
	const frejaRow = (u: string) =>
		listCaseloadPage(who(u), readCaseloadQuery(new URLSearchParams('q=Freja'))).rows.find((r) => r.id === frejaId())!;

	it('for the guide, until answered; never for the coordinator, who does not read the plan', () => {
		expect(frejaRow('mette').flags?.dispute).toBe(false);
		agree(cv());
		disputeStep(who('freja'), frejaId(), cv().id, { dispute: 'Jeg vil hellere lave det selv.' });
		expect(frejaRow('mette').flags?.dispute).toBe(true);
		expect(frejaRow('lone').flags?.dispute).toBe(false);
		answerDispute(who('mette'), frejaId(), cv().id, { answer: 'Godt.' });
		expect(frejaRow('mette').flags?.dispute).toBe(false);
	});
});
