/**
 * The facts the rules decide on, read from the database (the guide assignment, parent links, the
 * consent records in force and the settings), so that a withdrawal or a reassignment takes effect
 * on the very next request. Nothing is cached across requests. Within one request the actor's
 * relation to a young person is read once (the layout, the page and the policy all ask), and any
 * write in the request forgets it (db/request-scope.ts), so a page rendered after a form action
 * decides on the new facts.
 *
 * "Who is the current guide?" is answered by `current-guide.ts` beside this module.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, oncePerRequest, prepareOnce } from '../db';
import { inJsonIds, inSlices } from '../db/slices';
import { guideRequests, parentLinks, users, type Department } from '../db/schema';
import { deriveConsentStates, kindsInForce, loadConsentRecordsOf, recipientKey } from './consent-state';
import { agesOn } from '../dates';
import { getSettings } from '../settings';
import { awayGuideIds, currentGuideIds } from './current-guide';
import { NO_RELATION, NONE, ownerRule, type Actor, type OwnerAccess, type Relation, type StepFacts } from './rules';

/** Gathers the facts between an actor and a young person from the database, now. */
export function relationOf(actor: NonNullable<Actor>, youthId: string, now = new Date()): Relation {
	return relationsOf(actor, [youthId], now).get(youthId) ?? NO_RELATION;
}

/**
 * The facts between an actor and many young people at once (a staff member's list), with a few
 * queries in all instead of a few per young person. The same facts as `relationOf` for each:
 * relationOf is this for one.
 */
export function relationsOf(actor: NonNullable<Actor>, youthIds: readonly string[], now = new Date()): Map<string, Relation> {
	// Read once per request: null for an id that is not a young person in force (relationOf: NO_RELATION).
	const known = oncePerRequest(`relations:${actor.id}:${now.toISOString().slice(0, 10)}`, () => new Map<string, Relation | null>());
	const missing = [...new Set(youthIds)].filter((id) => !known.has(id));
	if (missing.length) {
		const read = readRelations(actor, missing, now);
		for (const id of missing) known.set(id, read.get(id) ?? null);
	}
	const result = new Map<string, Relation>();
	for (const id of youthIds) {
		const relation = known.get(id);
		if (relation) result.set(id, relation);
	}
	return result;
}

const personFacts = prepareOnce((database) =>
	database
		.select({ id: users.id, role: users.role, birthDate: users.birthDate, disabledAt: users.disabledAt })
		.from(users)
		.where(inJsonIds(users.id))
		.prepare()
);

const parentLinksOf = prepareOnce((database) =>
	database
		.select({ youthId: parentLinks.youthId, custody: parentLinks.custody })
		.from(parentLinks)
		.where(and(eq(parentLinks.parentId, sql.placeholder('parentId')), inJsonIds(parentLinks.youthId)))
		.prepare()
);

function readRelations(actor: NonNullable<Actor>, ids: readonly string[], now: Date): Map<string, Relation> {
	const result = new Map<string, Relation>();
	// The queries built once, for one young person (every page a young person or a parent opens)
	// or a staff member's whole list alike: the ids go as one JSON parameter.
	const people = personFacts()
		.all({ ids: JSON.stringify(ids) })
		.filter((y) => y.role === 'youth' && y.birthDate && !y.disabledAt);
	if (!people.length) return result;
	const found = people.map((y) => y.id);

	const { selfConsentAge } = getSettings();
	const guideOf = currentGuideIds(found);
	const links =
		actor.role === 'parent'
			? new Map(
					parentLinksOf()
						.all({ parentId: actor.id, ids: JSON.stringify(found) })
						.map((l) => [l.youthId, l])
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
	// Whose guide is away today: the youth unit (the coordinator) answers meanwhile (issue 17).
	const away = actor.role === 'coordinator' ? awayGuideIds(now, [...guideOf.values()]) : new Set<string>();

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
			openGuideRequest: openRequests.has(youth.id),
			guideAway: guideId !== undefined && away.has(guideId)
		});
	}
	return result;
}

/**
 * Who may hold a step of the young person's plan, read now from the consents in force: the
 * owner rule (`ownerRule`) applied to each department's consent. One read for all the owners a
 * page or a save asks about; a withdrawal counts from the very next request (rule 2).
 */
export function ownerAccessOf(youthId: string): (owner: StepFacts) => OwnerAccess {
	const youth = personFacts().get({ ids: JSON.stringify([youthId]) });
	const states =
		youth?.role === 'youth' && youth.birthDate
			? deriveConsentStates(
					loadConsentRecordsOf([youthId]).get(youthId) ?? [],
					{ id: youthId, birthDate: youth.birthDate },
					getSettings().selfConsentAge
				)
			: new Map();
	return (owner) =>
		ownerRule(owner, (department: Department) => {
			const recipient = { kind: 'department' as const, department };
			return { kinds: kindsInForce(states, recipient), withdrawn: states.get(recipientKey(recipient))?.status === 'withdrawn' };
		});
}
