/**
 * People and their relations: who a young person's guide is, a staff member's caseload, a
 * parent's children. Every list is filtered through the policy module.
 */
import { eq, inArray } from 'drizzle-orm';
import { db, prepareOnce } from '../db';
import { inJsonIds, inSlices } from '../db/slices';
import { consentRecords, parentLinks, plans, users } from '../db/schema';
import { agesOn } from '../dates';
import { can, currentGuides, NO_RELATION, relationOf, relationsOf, rule, youthOfGuide, type Actor, type YouthAction } from '../access';
import type { ChildOverview, YouthSummary } from '../../shared/people';

/** Danish alphabetical order (æ, ø, å last); one collator, as `localeCompare(…, 'da')` makes one per call. */
export const danishOrder = new Intl.Collator('da').compare;

function summaries(youthIds: string[], withGoal: (id: string) => boolean): YouthSummary[] {
	if (!youthIds.length) return [];
	const people = inSlices(youthIds, (slice) =>
		db()
			.select({ id: users.id, displayName: users.displayName, birthDate: users.birthDate })
			.from(users)
			.where(inArray(users.id, slice))
			.all()
	);
	const guides = currentGuides(youthIds);
	const goals = new Map(
		inSlices(youthIds, (slice) =>
			db().select({ youthId: plans.youthId, goalText: plans.goalText }).from(plans).where(inArray(plans.youthId, slice)).all()
		).map((p) => [p.youthId, p.goalText])
	);
	const ageOf = agesOn();
	return people
		.map((p) => ({
			id: p.id,
			displayName: p.displayName,
			age: ageOf(p.birthDate!),
			guide: guides.get(p.id) ?? null,
			goalText: withGoal(p.id) ? (goals.get(p.id) ?? null) : null
		}))
		.sort((a, b) => danishOrder(a.displayName, b.displayName));
}

/** The young person's own overview. */
export function getYouthSummary(actor: NonNullable<Actor>, youthId: string): YouthSummary | null {
	if (!can(actor, 'profile.read', youthId)) return null;
	return summaries([youthId], (id) => can(actor, 'plan.read', id))[0] ?? null;
}

/**
 * The young people a staff member works with: a guide's assigned young people, the young people
 * who share with a caseworker's department, or everyone for the coordinator.
 */
export function listCaseload(actor: NonNullable<Actor>): YouthSummary[] {
	const candidates = caseloadCandidates(actor);
	const relations = relationsOf(actor, candidates);
	const may = (action: YouthAction, id: string) => rule(actor, action, relations.get(id) ?? NO_RELATION);
	const allowed = candidates.filter((id) => may('profile.read', id));
	return summaries(allowed, (id) => may('plan.read', id));
}

function caseloadCandidates(actor: NonNullable<Actor>): string[] {
	if (actor.role === 'guide') return youthOfGuide(actor.id);
	if (actor.role === 'caseworker' && actor.department) {
		return db()
			.selectDistinct({ id: consentRecords.youthId })
			.from(consentRecords)
			.where(eq(consentRecords.department, actor.department))
			.all()
			.map((r) => r.id);
	}
	if (actor.role === 'coordinator') {
		return db()
			.select({ id: users.id })
			.from(users)
			.where(eq(users.role, 'youth'))
			.all()
			.map((r) => r.id);
	}
	return [];
}

/**
 * The ids on a caseworker's list: the young people whose consent to the department is in force
 * now (the policy decides each). Guides' and the coordinator's lists are read page by page in the
 * database instead (plan/caseload.ts), since the coordinator's has every young person on it.
 */
export function caseworkerCaseloadIds(actor: NonNullable<Actor>): string[] {
	if (actor.role !== 'caseworker') return [];
	const candidates = caseloadCandidates(actor);
	const relations = relationsOf(actor, candidates);
	return candidates.filter((id) => rule(actor, 'profile.read', relations.get(id) ?? NO_RELATION));
}

const summaryRowsOf = prepareOnce((database) =>
	database
		.select({ id: users.id, displayName: users.displayName, birthDate: users.birthDate })
		.from(users)
		.where(inJsonIds(users.id))
		.prepare()
);

/** Name, age and current guide of these young people, in the order given (the caller has checked access). */
export function youthSummaries(youthIds: string[]): Omit<YouthSummary, 'goalText'>[] {
	if (!youthIds.length) return [];
	const people = new Map(
		summaryRowsOf()
			.all({ ids: JSON.stringify(youthIds) })
			.map((p) => [p.id, p])
	);
	const guides = currentGuides(youthIds);
	const ageOf = agesOn();
	return youthIds.flatMap((id) => {
		const p = people.get(id);
		return p ? [{ id, displayName: p.displayName, age: ageOf(p.birthDate!), guide: guides.get(id) ?? null }] : [];
	});
}

/** A parent's linked young people, with what each shares with them right now. */
export function listChildren(actor: NonNullable<Actor>): ChildOverview[] {
	if (actor.role !== 'parent') return [];
	const links = db().select().from(parentLinks).where(eq(parentLinks.parentId, actor.id)).all();
	const list = summaries(
		links.map((l) => l.youthId).filter((id) => can(actor, 'profile.read', id)),
		(id) => can(actor, 'plan.read', id)
	);
	return list.map((y) => {
		const rel = relationOf(actor, y.id);
		return {
			...y,
			guide: can(actor, 'guide.read', y.id) ? y.guide : null,
			custody: rel.custody,
			sharedKinds: [...rel.parentKinds]
		};
	});
}
