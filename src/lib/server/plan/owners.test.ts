/**
 * Steps go only to someone who can see the plan (issue 20): the owners offered to the guide, the
 * owners the server accepts, and what each viewer is shown of an owner who lost access later.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { plans, planSteps, users, type PlanStep } from '../db/schema';
import { giveConsent, withdrawConsent, wordingVersionFor } from '../consent';
import { answer } from './forms';
import { listOwnerChoices } from './input';
import { addStep, updateStep } from './steps';
import { getPlanView } from './view';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

let db: Db;
const who = (u: string) => demoUser(db, u);
const frejaId = () => who('freja').id;
const da = { wording: wordingVersionFor('da'), locale: 'da' as const };
const offered = () => listOwnerChoices(who('mette'), frejaId()).map((c) => c.value);
const idOf = (username: string) => db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
const frejaSteps = (): PlanStep[] => {
	const plan = db.select().from(plans).where(eq(plans.youthId, frejaId())).get()!;
	return db.select().from(planSteps).where(eq(planSteps.planId, plan.id)).orderBy(asc(planSteps.position)).all();
};
const aliStep = () => frejaSteps().find((s) => s.ownerKind === 'caseworker' && s.ownerUserId === idOf('ali'))!;
const newStep = (owner: string) => ({ title: 'Møde med familieafdelingen', description: 'Om bolig', owner, dueDate: '', status: 'todo' });

function statusOf(fn: () => unknown): number | undefined {
	try {
		fn();
	} catch (e) {
		return (e as { status?: number }).status ?? -1;
	}
	return undefined;
}

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('the owners offered to the guide', () => {
	it('are the departments freja shares her plan with (UU, the jobcenter) and their caseworkers, not the family department', () => {
		const values = offered();
		expect(values).toEqual(expect.arrayContaining(['department:uu', 'department:jobcenter', `caseworker:${idOf('ali')}`]));
		expect(values).not.toContain('department:family');
		expect(values).not.toContain(`caseworker:${idOf('hanne')}`);
		expect(values).not.toContain('department:ppr');
	});

	it('include the family department and hanne once freja gives that consent', async () => {
		expect(await giveConsent(who('freja'), frejaId(), { recipient: 'department:family', ...da })).toMatchObject({ status: 'active' });
		expect(offered()).toEqual(expect.arrayContaining(['department:family', `caseworker:${idOf('hanne')}`]));
	});

	it('lose the jobcenter and ali on the next request after freja withdraws that consent', async () => {
		expect(await withdrawConsent(who('freja'), frejaId(), { recipient: 'department:jobcenter', ...da })).toMatchObject({ ok: true });
		const values = offered();
		expect(values).not.toContain('department:jobcenter');
		expect(values).not.toContain(`caseworker:${idOf('ali')}`);
		expect(values).toContain('department:uu');
	});

	it('gain no department through a consent to a parent (karen sees the plan, but owns nothing)', async () => {
		const before = offered();
		expect(
			await giveConsent(who('freja'), frejaId(), { recipient: `parent:${idOf('karen')}`, kinds: ['plan', 'guide'], ...da })
		).toMatchObject({
			ok: true
		});
		expect(offered()).toEqual(before);
	});

	it('are only the guide’s to ask for', () => {
		expect(statusOf(() => listOwnerChoices(who('ali'), frejaId()))).toBe(404);
		expect(statusOf(() => listOwnerChoices(who('jonas'), frejaId()))).toBe(404);
	});
});

describe('the server accepts only an owner who can see the plan', () => {
	it('refuses hanne (family, no consent) with a 400 that keeps what was typed, and adds nothing', () => {
		const before = frejaSteps().length;
		const typed = newStep(`caseworker:${idOf('hanne')}`);
		const outcome = addStep(who('mette'), frejaId(), typed);
		expect(outcome).toEqual({ ok: false, error: 'owner_not_permitted' });
		const reply = answer('addStep', outcome, typed) as unknown as {
			status: number;
			data: { values: Record<string, string>; note: string };
		};
		expect(reply.status).toBe(400);
		expect(reply.data.values).toEqual(typed);
		expect(reply.data.note).toMatch(/kan ikke se planen/);
		expect(addStep(who('mette'), frejaId(), newStep('department:family'))).toEqual({ ok: false, error: 'owner_not_permitted' });
		expect(frejaSteps()).toHaveLength(before);
	});

	it('accepts hanne once freja shares her plan with the family department', async () => {
		await giveConsent(who('freja'), frejaId(), { recipient: 'department:family', ...da });
		expect(addStep(who('mette'), frejaId(), newStep(`caseworker:${idOf('hanne')}`))).toMatchObject({ ok: true });
	});

	it('refuses moving an existing step to someone who cannot see the plan', () => {
		const step = aliStep();
		const moved = { ...newStep(`caseworker:${idOf('hanne')}`), title: step.title, version: String(step.version) };
		expect(updateStep(who('mette'), frejaId(), step.id, moved)).toEqual({ ok: false, error: 'owner_not_permitted' });
	});
});

describe('a step whose owner lost access (consent withdrawn later)', () => {
	beforeEach(async () => {
		await withdrawConsent(who('freja'), frejaId(), { recipient: 'department:jobcenter', ...da });
	});

	it('is shown to the guide with its owner and why they cannot see the plan', () => {
		const view = getPlanView(who('mette'), frejaId())!;
		const step = view.steps.find((s) => s.id === aliStep().id)!;
		expect(step).toMatchObject({
			ownerAccess: 'withdrawn',
			ownerHidden: false,
			ownerName: who('ali').displayName,
			ownerDepartment: 'jobcenter'
		});
		expect(view.steps.filter((s) => s.ownerKind === 'youth').every((s) => s.ownerAccess === 'sees')).toBe(true);
	});

	it('does not name the owner to the young person, nor list them as involved', () => {
		const view = getPlanView(who('freja'), frejaId())!;
		const step = view.steps.find((s) => s.id === aliStep().id)!;
		expect(step).toMatchObject({ ownerHidden: true, ownerName: null, ownerUserId: null, ownerDepartment: null });
		expect(view.people?.some((p) => p.department === 'jobcenter')).toBe(false);
		expect(view.people?.some((p) => p.department === 'uu')).toBe(true);
	});

	it('can still be saved by the guide with its owner unchanged (its status, say)', () => {
		const step = aliStep();
		const values = {
			title: step.title,
			description: step.description,
			owner: `caseworker:${step.ownerUserId}`,
			dueDate: step.dueDate ?? '',
			status: 'doing',
			version: String(step.version)
		};
		expect(updateStep(who('mette'), frejaId(), step.id, values)).toEqual({ ok: true });
		expect(aliStep().status).toBe('doing');
	});
});
