import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { getISODay, parseISO } from 'date-fns';
import { acceptInvite } from '../people';
import { todayIso } from '../dates';
import { guideAssignments, guideRequestEvents, guideRequests, messageThreads, REQUEST_STATUSES, type RequestStatus } from '../db/schema';
import { currentGuide, findGuide, guideDirectory } from './directory';
import { answerSuggestion, sendRequest, withdrawRequest } from './requests';
import { markGuideNewsSeen, parentRequests, unseenGuideNews, youthRequests } from './request-views';
import { can } from '../access';
import { demoUser, freshDemoDatabase } from '../testing';
import {
	agendaDate,
	approveRequest,
	canMove,
	declineRequest,
	moveRequest,
	nextVisitationAfter,
	requestForDecision,
	suggestGuide,
	TRANSITIONS,
	visitationQueue
} from './visitation';
import type { Db } from '../db';
import type { QueueFilter } from '../../shared/guides';

let db: Db;
const who = (u: string) => demoUser(db, u);
const id = (u: string) => who(u).id;

/** Runs fn and returns the HTTP status it was refused with (SvelteKit's error/redirect). */
function refusal(fn: () => unknown): number | null {
	try {
		fn();
		return null;
	} catch (e) {
		return (e as { status?: number }).status ?? -1;
	}
}

const request = (requestId: string) => db.select().from(guideRequests).where(eq(guideRequests.id, requestId)).get()!;
const activeGuide = (youth: string) =>
	db
		.select()
		.from(guideAssignments)
		.where(and(eq(guideAssignments.youthId, id(youth)), isNull(guideAssignments.endedAt)))
		.get()?.guideId;

function pick(youth: string, guide: string, by = youth) {
	const result = sendRequest(who(by), id(youth), 'pick', { guideId: id(guide), reason: '' });
	if (!result.ok) throw new Error(result.errors.join());
	return result.id;
}

const teacher = {
	proposedName: 'Birgit Dahl',
	proposedRole: 'teacher',
	proposedWorkplace: 'FGU Eksempelby',
	proposedContact: 'birgit@fgu.dk',
	reason: 'Hun er min dansklærer, og jeg stoler på hende.'
};

beforeEach(async () => {
	db = await freshDemoDatabase();
});

describe('the visitation calendar', () => {
	it('puts a request on the next meeting day after today', () => {
		// 2026-03-02 is a Monday; meetings on Wednesdays (3).
		expect(nextVisitationAfter('2026-03-02', 3)).toBe('2026-03-04');
		expect(nextVisitationAfter('2026-03-04', 3)).toBe('2026-03-11');
		expect(nextVisitationAfter('2026-03-05', 1)).toBe('2026-03-09');
	});

	it('moves an undecided request to the next meeting once its own has passed', () => {
		expect(agendaDate('2026-03-04', '2026-03-03', 3)).toBe('2026-03-04');
		expect(agendaDate('2026-03-04', '2026-03-04', 3)).toBe('2026-03-04');
		expect(agendaDate('2026-03-04', '2026-03-05', 3)).toBe('2026-03-11');
		expect(agendaDate(null, '2026-03-11', 3)).toBe('2026-03-11');
	});
});

describe('the request state machine', () => {
	it('knows no way out of a decided, withdrawn or declined request', () => {
		for (const done of ['withdrawn', 'approved', 'declined', 'suggestion_declined'] as const) expect(TRANSITIONS[done]).toEqual([]);
		expect(canMove('open', 'approved')).toBe(true);
		expect(canMove('suggested', 'withdrawn')).toBe(false);
		expect(canMove('declined', 'open')).toBe(false);
	});

	it('refuses every move the table does not allow, and changes nothing', () => {
		for (const from of REQUEST_STATUSES) {
			for (const to of REQUEST_STATUSES) {
				if (canMove(from, to)) continue;
				const requestId = pick('noah', 'jonas');
				db.update(guideRequests).set({ status: from }).where(eq(guideRequests.id, requestId)).run();
				const moved = db.transaction((tx) =>
					moveRequest(tx, request(requestId), { to, action: 'approved', actorId: id('lone'), youthSeen: false, now: new Date() })
				);
				expect(moved, `${from} → ${to}`).toBe(false);
				expect(request(requestId).status).toBe(from);
				db.delete(guideRequestEvents).where(eq(guideRequestEvents.requestId, requestId)).run();
				db.delete(guideRequests).where(eq(guideRequests.id, requestId)).run();
			}
		}
	});

	it('moves only from the state it was read in', () => {
		const requestId = pick('noah', 'jonas');
		const stale = request(requestId);
		expect(withdrawRequest(who('noah'), requestId)).toBe(true);
		const moved = db.transaction((tx) =>
			moveRequest(tx, stale, {
				to: 'approved' as RequestStatus,
				action: 'approved',
				actorId: id('lone'),
				youthSeen: false,
				now: new Date()
			})
		);
		expect(moved).toBe(false);
		expect(request(requestId).status).toBe('withdrawn');
	});
});

describe('sending a request', () => {
	it('puts a pick on the agenda of the next visitation', () => {
		const requestId = pick('noah', 'jonas');
		const r = request(requestId);
		expect(r.status).toBe('open');
		expect(r.visitationDate).toBe(nextVisitationAfter(todayIso(), 3));
		expect(getISODay(parseISO(r.visitationDate!))).toBe(3);
		expect(r.visitationDate! > todayIso()).toBe(true);
		const { pending } = youthRequests(who('noah'), id('noah'));
		expect(pending?.wish).toBe('Jonas Berg');
		expect(pending?.agendaDate).toBe(r.visitationDate);
	});

	it('allows one open request at a time, and a new one after withdrawing', () => {
		const first = pick('noah', 'jonas');
		expect(sendRequest(who('noah'), id('noah'), 'change', { guideId: '', reason: '' })).toEqual({ ok: false, errors: ['open_exists'] });
		expect(sendRequest(who('peter'), id('noah'), 'pick', { guideId: id('mette'), reason: '' })).toEqual({
			ok: false,
			errors: ['open_exists']
		});
		expect(withdrawRequest(who('noah'), first)).toBe(true);
		expect(withdrawRequest(who('noah'), first)).toBe(false);
		expect(sendRequest(who('noah'), id('noah'), 'pick', { guideId: id('mette'), reason: '' }).ok).toBe(true);
	});

	it('shows a full guide as full and refuses to let anyone pick them', () => {
		const sofie = guideDirectory(who('noah')).find((g) => g.displayName === 'Sofie Holm');
		expect(sofie).toMatchObject({ full: true, load: 2, capacity: 2 });
		expect(sendRequest(who('noah'), id('noah'), 'pick', { guideId: id('sofie'), reason: '' })).toEqual({
			ok: false,
			errors: ['guide_full']
		});
		expect(sendRequest(who('freja'), id('freja'), 'pick', { guideId: id('mette'), reason: '' })).toEqual({
			ok: false,
			errors: ['same_guide']
		});
		expect(sendRequest(who('noah'), id('noah'), 'pick', { guideId: id('lone'), reason: '' })).toEqual({ ok: false, errors: ['guide'] });
	});

	it('validates a proposed person field by field', () => {
		const result = sendRequest(who('amina'), id('amina'), 'propose', {
			...teacher,
			proposedName: 'B',
			proposedRole: 'boss',
			proposedContact: 'ring til hende',
			reason: 'kort'
		});
		expect(result).toEqual({ ok: false, errors: ['name', 'role', 'contact', 'reason'] });
		expect(sendRequest(who('amina'), id('amina'), 'propose', { ...teacher, proposedContact: '+45 20 11 22 33' }).ok).toBe(true);
	});

	it('lets a custody holder ask for a guide for a young person under 18, who then sees it', () => {
		const requestId = pick('noah', 'mette', 'peter');
		expect(unseenGuideNews(who('noah'))).toBe(1);
		const { pending } = youthRequests(who('noah'), id('noah'));
		expect(pending?.sentBy).toMatchObject({ displayName: 'Peter Jensen', byYouth: false });
		markGuideNewsSeen(who('noah'));
		expect(unseenGuideNews(who('noah'))).toBe(0);
		expect(parentRequests(who('peter'), id('noah')).requests.map((r) => r.id)).toEqual([requestId]);
		// Only a linked parent, and never the young person's other requests' content.
		expect(refusal(() => sendRequest(who('karen'), id('noah'), 'pick', { guideId: id('mette'), reason: '' }))).toBe(404);
		expect(refusal(() => youthRequests(who('peter'), id('noah')))).toBe(404);
		expect(refusal(() => answerSuggestion(who('peter'), requestId, true))).toBe(404);
	});

	it('lets a parent withdraw only a request the parent sent', () => {
		const own = pick('noah', 'jonas');
		expect(withdrawRequest(who('peter'), own)).toBe(false);
		expect(request(own).status).toBe('open');
		expect(parentRequests(who('peter'), id('noah')).otherPending).toBe(true);
	});
});

describe('deciding at the visitation', () => {
	it('lists open requests oldest first, grouped by meeting, with what is needed to decide', () => {
		const t0 = new Date(Date.now() - 60_000);
		sendRequest(who('freja'), id('freja'), 'change', { guideId: '', reason: 'Vi taler ikke godt sammen.' }, t0);
		pick('noah', 'jonas');
		const { groups } = visitationQueue(who('lone'));
		const items = groups.flatMap((g) => g.requests);
		expect(items.map((i) => i.youth.displayName)).toEqual(['Freja Nielsen', 'Noah Jensen']);
		expect(items[0]).toMatchObject({ currentGuide: { displayName: 'Mette Larsen' }, reason: 'Vi taler ikke godt sammen.' });
		expect(items[0]!.goal).toContain('tømrer');
		expect(items[1]).toMatchObject({ youth: { age: 14 }, wish: { displayName: 'Jonas Berg', full: false } });
		expect(refusal(() => visitationQueue(who('mette')))).toBe(404);
	});

	it('narrows the queue by kind, by where a request stands and by age, in the query', () => {
		const t0 = new Date(Date.now() - 60_000);
		sendRequest(who('freja'), id('freja'), 'change', { guideId: '', reason: 'Vi taler ikke godt sammen.' }, t0);
		const noahs = pick('noah', 'jonas');
		expect(sendRequest(who('amina'), id('amina'), 'propose', teacher).ok).toBe(true);
		expect(suggestGuide(who('lone'), noahs, { guideId: id('mette'), message: '', overrideReason: '' })).toEqual({ ok: true });
		const names = (filter: Partial<QueueFilter>) => {
			const queue = visitationQueue(who('lone'), { kind: null, state: null, age: null, ...filter });
			return [...queue.groups.flatMap((g) => g.requests), ...queue.waiting].map((i) => i.youth.displayName);
		};
		expect(names({})).toEqual(['Freja Nielsen', 'Amina Hassan', 'Noah Jensen']);
		expect(names({ kind: 'propose' })).toEqual(['Amina Hassan']);
		expect(names({ kind: 'change' })).toEqual(['Freja Nielsen']);
		expect(names({ state: 'suggested' })).toEqual(['Noah Jensen']);
		expect(names({ state: 'open' })).toEqual(['Freja Nielsen', 'Amina Hassan']);
		// Freja is 17, Noah 14 and Amina 20 in the demo.
		expect(names({ age: '13-15' })).toEqual(['Noah Jensen']);
		expect(names({ age: '16-17' })).toEqual(['Freja Nielsen']);
		expect(names({ age: '18-20', kind: 'propose', state: 'open' })).toEqual(['Amina Hassan']);
		expect(names({ age: '21-25' })).toEqual([]);
		expect(visitationQueue(who('lone'), { kind: 'pick', state: null, age: null }).filtered).toBe(true);
	});

	it('approving assigns the guide, ends the previous assignment (kept) and cuts the old guide off at once', () => {
		const requestId = sendRequest(who('freja'), id('freja'), 'change', { guideId: id('jonas'), reason: 'Jeg vil hellere have Jonas.' });
		expect(requestId.ok).toBe(true);
		const rid = (requestId as { id: string }).id;
		expect(can(who('mette'), 'plan.read', id('freja'))).toBe(true);
		expect(can(who('mette'), 'guide.requests.read', id('freja'))).toBe(false); // the reason is not hers to read
		expect(refusal(() => approveRequest(who('mette'), rid, { assign: id('jonas') }))).toBe(404);

		expect(approveRequest(who('lone'), rid, { assign: id('jonas'), message: 'Jonas har plads.' })).toEqual({ ok: true });
		expect(activeGuide('freja')).toBe(id('jonas'));
		const history = db
			.select()
			.from(guideAssignments)
			.where(eq(guideAssignments.youthId, id('freja')))
			.all();
		expect(history).toHaveLength(2);
		expect(history.find((a) => a.guideId === id('mette'))?.endedAt).toBeInstanceOf(Date);
		expect(can(who('mette'), 'plan.read', id('freja'))).toBe(false);
		expect(can(who('mette'), 'messages.read', id('freja'))).toBe(false);
		expect(can(who('jonas'), 'plan.edit', id('freja'))).toBe(true);
		expect(
			db
				.select()
				.from(messageThreads)
				.where(and(eq(messageThreads.youthId, id('freja')), isNull(messageThreads.closedAt)))
				.all()
		).toEqual([]);
		expect(currentGuide(who('freja'), id('freja'))?.displayName).toBe('Jonas Berg');
		const events = db.select().from(guideRequestEvents).where(eq(guideRequestEvents.requestId, rid)).all();
		expect(events.map((e) => [e.action, e.actorId])).toEqual([
			['sent', id('freja')],
			['approved', id('lone')]
		]);
		expect(approveRequest(who('lone'), rid, { assign: id('mette') })).toEqual({ ok: false, error: 'stale' });
	});

	it('needs an explicit reason to assign a guide beyond capacity', () => {
		const rid = pick('noah', 'jonas');
		expect(approveRequest(who('lone'), rid, { assign: id('sofie') })).toEqual({ ok: false, error: 'override_required' });
		expect(request(rid).status).toBe('open');
		expect(activeGuide('noah')).toBeUndefined();
		expect(approveRequest(who('lone'), rid, { assign: id('sofie'), overrideReason: 'Sofie kender familien.' })).toEqual({ ok: true });
		const assignment = db
			.select()
			.from(guideAssignments)
			.where(eq(guideAssignments.guideId, id('sofie')))
			.all();
		expect(assignment.find((a) => a.youthId === id('noah'))?.overrideReason).toBe('Sofie kender familien.');
		expect(findGuide(id('sofie'))?.load).toBe(3);
	});

	it('declines only with a reason, which the young person reads', () => {
		const rid = pick('noah', 'jonas');
		expect(declineRequest(who('lone'), rid, { reason: '' })).toEqual({ ok: false, error: 'reason' });
		expect(request(rid).status).toBe('open');
		markGuideNewsSeen(who('noah'));
		expect(declineRequest(who('lone'), rid, { reason: 'Jonas har ikke tid før til sommer.' })).toEqual({ ok: true });
		expect(unseenGuideNews(who('noah'))).toBe(1);
		const { latest } = youthRequests(who('noah'), id('noah'));
		expect(latest).toMatchObject({ status: 'declined', decisionReason: 'Jonas har ikke tid før til sommer.', unread: true });
	});

	it('holds a place for a suggested guide, who is assigned when the young person says yes', () => {
		const rid = pick('noah', 'jonas');
		expect(suggestGuide(who('lone'), rid, { guideId: id('mette'), message: 'Mette kender din skole.' })).toEqual({ ok: true });
		expect(findGuide(id('mette'))?.load).toBe(2); // freja + the held place
		expect(youthRequests(who('noah'), id('noah')).pending?.suggestedGuide?.displayName).toBe('Mette Larsen');
		expect(refusal(() => answerSuggestion(who('freja'), rid, true))).toBe(404);
		expect(answerSuggestion(who('noah'), rid, true)).toBe(true);
		expect(activeGuide('noah')).toBe(id('mette'));
		expect(request(rid).status).toBe('approved');
		expect(answerSuggestion(who('noah'), rid, false)).toBe(false);
	});

	it('lets the young person say no to a suggestion, and ask again', () => {
		const rid = pick('noah', 'jonas');
		expect(suggestGuide(who('lone'), rid, { guideId: id('sofie') })).toEqual({ ok: false, error: 'override_required' });
		expect(suggestGuide(who('lone'), rid, { guideId: id('mette') })).toEqual({ ok: true });
		expect(answerSuggestion(who('noah'), rid, false)).toBe(true);
		expect(request(rid).status).toBe('suggestion_declined');
		expect(activeGuide('noah')).toBeUndefined();
		expect(findGuide(id('mette'))?.load).toBe(1);
		expect(pick('noah', 'jonas')).toBeTruthy();
	});

	it('invites a proposed person without an account, who becomes the guide on accepting', async () => {
		const sent = sendRequest(who('amina'), id('amina'), 'propose', teacher);
		const rid = (sent as { id: string }).id;
		expect(
			approveRequest(who('lone'), rid, { assign: 'invite', inviteName: 'Birgit Dahl', inviteTitle: '', inviteWorkplace: 'FGU' })
		).toEqual({
			ok: false,
			error: 'invite_title'
		});
		const approved = approveRequest(who('lone'), rid, {
			assign: 'invite',
			inviteName: 'Birgit Dahl',
			inviteTitle: 'Lærer',
			inviteWorkplace: 'FGU Eksempelby'
		});
		expect(approved.ok && approved.inviteCode).toMatch(/^[a-z0-9]{16}$/);
		expect(activeGuide('amina')).toBe(id('jonas')); // until the invite is accepted
		expect(requestForDecision(who('lone'), rid)).toMatchObject({ status: 'approved', invitePending: true });
		expect(youthRequests(who('amina'), id('amina')).latest).toMatchObject({ invitePending: true, newGuide: 'Birgit Dahl' });

		const accepted = await acceptInvite((approved as { inviteCode: string }).inviteCode, {
			username: 'birgit',
			password: 'en lang god kode'
		});
		expect(accepted.ok).toBe(true);
		expect(activeGuide('amina')).toBe(id('birgit'));
		expect(can(who('birgit'), 'plan.edit', id('amina'))).toBe(true);
		expect(can(who('jonas'), 'plan.read', id('amina'))).toBe(false);
		expect(youthRequests(who('amina'), id('amina')).latest).toMatchObject({ invitePending: false, newGuide: 'Birgit Dahl' });
		expect(guideDirectory(who('amina')).some((g) => g.displayName === 'Birgit Dahl')).toBe(false);
	});

	it('lets only the coordinator decide', () => {
		const rid = pick('noah', 'jonas');
		for (const username of ['noah', 'peter', 'jonas', 'ali']) {
			expect(refusal(() => approveRequest(who(username), rid, { assign: id('jonas') }))).toBe(404);
			expect(refusal(() => declineRequest(who(username), rid, { reason: 'Det går ikke lige nu.' }))).toBe(404);
			expect(refusal(() => suggestGuide(who(username), rid, { guideId: id('mette') }))).toBe(404);
			expect(refusal(() => requestForDecision(who(username), rid))).toBe(404);
		}
		expect(request(rid).status).toBe('open');
	});

	it('shows the visitation the plan goal only while a request waits', () => {
		const sent = sendRequest(who('freja'), id('freja'), 'change', { guideId: '', reason: '' });
		const rid = (sent as { id: string }).id;
		expect(requestForDecision(who('lone'), rid)?.goal).toContain('tømrer');
		expect(declineRequest(who('lone'), rid, { reason: 'Vi taler med dig først.' })).toEqual({ ok: true });
		expect(requestForDecision(who('lone'), rid)?.goal).toBeNull();
	});

	it('offers the invite only for a proposed person', () => {
		const rid = pick('noah', 'jonas');
		expect(
			approveRequest(who('lone'), rid, { assign: 'invite', inviteName: 'X Y', inviteTitle: 'Lærer', inviteWorkplace: 'Skolen' })
		).toEqual({
			ok: false,
			error: 'invite_not_proposal'
		});
	});
});
