/**
 * The staff's list of young people, one page at a time: searched by name, filtered by guide,
 * status, flags and age band, sorted and counted in the database (`caseload_index`, kept by
 * triggers; see db/caseload-index.ts), so that the coordinator's list of every young person in a
 * large municipality reads, and logs, only the fifty rows shown.
 *
 * Who is on the list is the policy's answer, written as a condition on the index: a guide's own
 * young people (their current guide), the coordinator's every young person (profile.read), a
 * caseworker's those whose consent to the department is in force (decided by the policy for each,
 * then named in the query). Each row shown is decided by the policy once more (`caseloadRows`).
 */
import { sql, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { nameKey, nameKeySql } from '../db/schema';
import { canGlobal, type Actor } from '../access';
import { guideName } from '../guides';
import { LOW_SCORE } from '../followup';
import { birthDatesForAges, todayIso } from '../dates';
import { caseworkerCaseloadIds } from '../people';
import {
	AGE_BANDS,
	CASELOAD_PAGE_SIZE,
	type CaseloadFlag,
	type CaseloadPage,
	type CaseloadQuery,
	type CaseloadSort,
	type SortDirection
} from '../../shared/caseload';
import { caseloadRows } from './overview';

/** A guide's name as the list's search compares it (as `caseload_index.name_key` is made). */
const GUIDE_NAME_KEY = sql.raw(nameKeySql('u.display_name'));

/** Sorting by meeting, overdue steps or agreement orders by what is in plans: for those who read them. */
const SORTS: Record<'guide' | 'caseworker' | 'coordinator', CaseloadSort[]> = {
	guide: ['name', 'age', 'meeting', 'overdue', 'agreement', 'flags', 'deadline'],
	// Every department's consent covers the plan; not every one covers the meetings (PPR's does not).
	// Caseworkers see no flags, so they do not sort by them either.
	caseworker: ['name', 'age', 'overdue', 'agreement'],
	// The coordinator does not read plans (docs/product.md, roles), but sees the flags.
	coordinator: ['name', 'age', 'flags', 'deadline']
};

/** Who is on the actor's list, as a condition on the index row `f`; null: nobody. */
function scopeOf(actor: NonNullable<Actor>): SQL | null {
	switch (actor.role) {
		case 'coordinator':
			return sql`1`;
		case 'guide':
			return sql`f.guide_id = ${actor.id}`;
		case 'caseworker':
			return sql`f.youth_id in (select value from json_each(${JSON.stringify(caseworkerCaseloadIds(actor))}))`;
		default:
			return null;
	}
}

const FLAG_SQL: Record<CaseloadFlag, (today: string) => SQL> = {
	missed: (today) => sql`(f.checkin_running = 1 and f.checkin_missed_after < ${today})`,
	low: (today) =>
		sql`(f.checkin_running = 1 and (f.checkin_missed_after is null or f.checkin_missed_after >= ${today}) and f.checkin_score <= ${LOW_SCORE})`,
	overdue: (today) => sql`f.overdue_from < ${today}`,
	notAgreed: () => sql`f.plan_agreement in ('stale', 'never')`,
	noGuide: () => sql`f.guide_id is null`,
	// An open KUI deadline (issue 21), found by kui_deadlines_youth_idx: a young person has a few.
	deadline: () => sql`exists (select 1 from kui_deadlines d where d.youth_id = f.youth_id and d.met_at is null)`
};

/** Born within the band: between `to`+1 years before today (exclusive) and `from` years before (inclusive). */
function ageBandSql(band: keyof typeof AGE_BANDS, today: string): SQL {
	const [from, to] = AGE_BANDS[band];
	const { after, onOrBefore } = birthDatesForAges(from, to, today);
	return sql`(f.birth_date > ${after} and f.birth_date <= ${onOrBefore})`;
}

function orderBy(sort: CaseloadSort, direction: SortDirection, today: string, now: Date): SQL {
	const asc = direction === 'asc';
	const byName = asc ? sql`f.name_key asc, f.youth_id asc` : sql`f.name_key desc, f.youth_id desc`;
	// Rows without a value come last, in name order.
	const byValue = (value: SQL) => sql`(${value}) is null, ${value} ${asc ? sql`asc` : sql`desc`}, f.name_key asc, f.youth_id asc`;
	switch (sort) {
		case 'name':
			return byName;
		case 'age':
			// Youngest first is the latest birth date first (the index runs that way); the other way is
			// its exact reverse.
			return asc ? sql`f.birth_date desc, f.name_key asc, f.youth_id asc` : sql`f.birth_date asc, f.name_key desc, f.youth_id desc`;
		case 'meeting':
			return byValue(
				sql`(select min(m.starts_at) from meetings m join plans p on p.id = m.plan_id where p.youth_id = f.youth_id and m.cancelled_at is null and m.starts_at > ${now.getTime()})`
			);
		case 'overdue':
			return byValue(
				sql`case when f.plan_agreement is null then null else (select count(*) from plans p join plan_steps s on s.plan_id = p.id where p.youth_id = f.youth_id and s.status in ('todo', 'doing') and s.due_date < ${today}) end`
			);
		case 'agreement':
			return byValue(sql`case f.plan_agreement when 'stale' then 0 when 'never' then 1 when 'current' then 2 end`);
		case 'flags':
			// By the most urgent flag a young person has (the filters' own conditions): a low check-in
			// answer first, then a missed check-in, overdue steps, a plan not agreed to, no guide;
			// those with none last.
			return byValue(
				sql`case when ${FLAG_SQL.low(today)} then 0 when ${FLAG_SQL.missed(today)} then 1 when ${FLAG_SQL.overdue(today)} then 2 when ${FLAG_SQL.notAgreed(today)} then 3 when ${FLAG_SQL.noGuide(today)} then 4 end`
			);
		case 'deadline':
			// The nearest open legal deadline: an overdue one is the earliest date, so it comes first.
			return byValue(sql`(select min(d.due_on) from kui_deadlines d where d.youth_id = f.youth_id and d.met_at is null)`);
	}
}

/** One page of the actor's list of young people for this query. */
export function listCaseloadPage(actor: NonNullable<Actor>, query: CaseloadQuery, now = new Date()): CaseloadPage {
	const scope = scopeOf(actor);
	const filters = canGlobal(actor, 'caseload.filter');
	const guideFilter = filters && canGlobal(actor, 'guide.directory');
	const sorts =
		actor.role === 'guide' || actor.role === 'caseworker' || actor.role === 'coordinator' ? SORTS[actor.role] : ['name' as const];
	const sort = sorts.includes(query.sort) ? query.sort : 'name';
	const asked: CaseloadQuery = {
		...query,
		guide: guideFilter ? query.guide : null,
		guideName: guideFilter ? query.guideName : '',
		status: filters ? query.status : null,
		flags: filters ? query.flags : [],
		sort,
		direction: sort === query.sort ? query.direction : 'asc'
	};
	const guideShown = asked.guide ? guideName(actor, asked.guide) : null;
	const answer = { filters, sorts, guideFilter, guideShown };
	if (!scope) return { rows: [], total: 0, query: { ...asked, page: 1 }, pages: 1, ...answer };

	const today = todayIso(now);
	const where: SQL[] = [sql`f.disabled = 0`, scope];
	for (const word of asked.q.split(' ').filter(Boolean)) where.push(sql`instr(f.name_key, ${nameKey(word)}) > 0`);
	if (asked.age) where.push(ageBandSql(asked.age, today));
	if (asked.guide) where.push(sql`f.guide_id = ${asked.guide}`);
	for (const word of asked.guideName.split(' ').filter(Boolean))
		where.push(
			sql`f.guide_id in (select u.id from users u where u.role = 'guide' and u.disabled_at is null and instr(${GUIDE_NAME_KEY}, ${nameKey(word)}) > 0)`
		);
	if (asked.status) where.push(sql`f.status = ${asked.status}`);
	for (const flag of asked.flags) where.push(FLAG_SQL[flag](today));
	const condition = sql.join(where, sql` and `);

	const total = db().get<{ n: number }>(sql`select count(*) as n from caseload_index f where ${condition}`)?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / CASELOAD_PAGE_SIZE));
	const page = Math.min(asked.page, pages);
	const ids = total
		? db()
				.all<{ id: string }>(
					sql`select f.youth_id as id from caseload_index f where ${condition} order by ${orderBy(sort, asked.direction, today, now)} limit ${CASELOAD_PAGE_SIZE} offset ${(page - 1) * CASELOAD_PAGE_SIZE}`
				)
				.map((r) => r.id)
		: [];
	return { rows: caseloadRows(actor, ids, now), total, query: { ...asked, page }, pages, ...answer };
}
