/**
 * People and their relations: who a young person's guide is, a staff member's caseload, a
 * parent's children. Every list is filtered through the policy module.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { db } from './db';
import { consentRecords, guideAssignments, parentLinks, plans, users, type DataKind } from './db/schema';
import { ageOn } from './dates';
import { can, relationOf, type Actor } from './policy';

export interface YouthSummary {
	id: string;
	displayName: string;
	age: number;
	guide: { id: string; displayName: string } | null;
	goalText: string | null;
}

function currentGuides(youthIds: string[]) {
	if (!youthIds.length) return new Map<string, { id: string; displayName: string }>();
	const rows = db()
		.select({
			youthId: guideAssignments.youthId,
			id: users.id,
			displayName: users.displayName
		})
		.from(guideAssignments)
		.innerJoin(users, eq(users.id, guideAssignments.guideId))
		.where(and(inArray(guideAssignments.youthId, youthIds), isNull(guideAssignments.endedAt)))
		.all();
	return new Map(rows.map((r) => [r.youthId, { id: r.id, displayName: r.displayName }]));
}

function summaries(youthIds: string[], withGoal: (id: string) => boolean): YouthSummary[] {
	if (!youthIds.length) return [];
	const people = db().select().from(users).where(inArray(users.id, youthIds)).all();
	const guides = currentGuides(youthIds);
	const goals = new Map(
		db()
			.select({ youthId: plans.youthId, goalText: plans.goalText })
			.from(plans)
			.where(inArray(plans.youthId, youthIds))
			.all()
			.map((p) => [p.youthId, p.goalText])
	);
	return people
		.map((p) => ({
			id: p.id,
			displayName: p.displayName,
			age: ageOn(p.birthDate!),
			guide: guides.get(p.id) ?? null,
			goalText: withGoal(p.id) ? (goals.get(p.id) ?? null) : null
		}))
		.sort((a, b) => a.displayName.localeCompare(b.displayName, 'da'));
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
	let candidates: string[] = [];
	if (actor.role === 'guide') {
		candidates = db()
			.select({ id: guideAssignments.youthId })
			.from(guideAssignments)
			.where(and(eq(guideAssignments.guideId, actor.id), isNull(guideAssignments.endedAt)))
			.all()
			.map((r) => r.id);
	} else if (actor.role === 'caseworker' && actor.department) {
		candidates = db()
			.selectDistinct({ id: consentRecords.youthId })
			.from(consentRecords)
			.where(eq(consentRecords.department, actor.department))
			.all()
			.map((r) => r.id);
	} else if (actor.role === 'coordinator') {
		candidates = db()
			.select({ id: users.id })
			.from(users)
			.where(eq(users.role, 'youth'))
			.all()
			.map((r) => r.id);
	}
	const allowed = candidates.filter((id) => can(actor, 'profile.read', id));
	return summaries(allowed, (id) => can(actor, 'plan.read', id));
}

export interface ChildOverview extends YouthSummary {
	custody: boolean;
	sharedKinds: DataKind[];
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
