/**
 * The 1 October count (issue 21): the young people of 15–24 on 1 October, by the category of the
 * official count of attachment to education and work, and by age band.
 *
 * The national goals (the 2030 targets) count a young person as having "no attachment" when they
 * have no completed youth education, are not in education, and work fewer than 18 hours a week
 * (Danmarks Statistik / the ministry's count, taken on 1 October). So work under 18 hours, or work
 * whose hours were not recorded, is no attachment here; primary school, youth education and
 * preparatory education are all "in education". Exempt, moved away and not recorded are outside
 * the four categories and shown apart.
 */
import { sql } from 'drizzle-orm';
import { db } from '../db';
import { ATTACHED_WORK_HOURS, type YouthStatus } from '../db/schema';
import { CENSUS_BANDS, CENSUS_CATEGORIES, type Census, type CensusBand, type CensusCategory } from '../../shared/followup';

/** A status entry's category in the official count. */
export function officialCategory(entry: { status: YouthStatus; hoursPerWeek: number | null }): CensusCategory {
	switch (entry.status) {
		case 'primary_school':
		case 'youth_education':
		case 'preparatory':
			return 'education';
		case 'work':
			return entry.hoursPerWeek !== null && entry.hoursPerWeek >= ATTACHED_WORK_HOURS ? 'work' : 'no_attachment';
		case 'completed_youth_education':
			return 'completed';
		case 'no_attachment':
			return 'no_attachment';
		case 'exempt':
			return 'exempt';
		case 'moved_away':
			return 'moved_away';
		case 'unknown':
			return 'unknown';
	}
}

export const CENSUS_AGES = { from: 15, to: 24 } as const;

/** The band of an age on the day (15–17, 18–19, 20–24); null outside the count. */
export function censusBand(age: number): CensusBand | null {
	if (age < CENSUS_AGES.from || age > CENSUS_AGES.to) return null;
	return age <= 17 ? '15-17' : age <= 19 ? '18-19' : '20-24';
}

/** The count's day for a period: the latest 1 October on or before its last day. */
export function censusDateFor(periodTo: string): string {
	const year = Number(periodTo.slice(0, 4));
	return periodTo >= `${year}-10-01` ? `${year}-10-01` : `${year - 1}-10-01`;
}

/**
 * The count on `date` (a 1 October): every young person registered by the end of that day whose
 * account was not disabled by then, aged 15–24 that day, by the status that stood at the end of
 * the day (the newest entry before `endOfDay`; none: not recorded). One grouped query: the
 * municipality's 100,000 young people are not loaded, only their counts by age and status.
 */
export function countCensus(date: string, endOfDay: Date): Census {
	const year = Number(date.slice(0, 4));
	const monthDay = date.slice(5);
	// Born after this date: under 25 on the day; on or before that one: 15 or older.
	const bornAfter = `${year - CENSUS_AGES.to - 1}-${monthDay}`;
	const bornOnOrBefore = `${year - CENSUS_AGES.from}-${monthDay}`;
	const end = endOfDay.getTime();
	const rows = db().all<{ age: number; status: YouthStatus | null; hours: number | null; n: number }>(sql`
		select ${year} - cast(substr(u.birth_date, 1, 4) as integer) - (substr(u.birth_date, 6) > ${monthDay}) as age,
			h.status as status, h.hours_per_week as hours, count(*) as n
		from users u
		left join youth_status_history h on h.id = (
			select h2.id from youth_status_history h2
			where h2.youth_id = u.id and h2.created_at < ${end}
			order by h2.created_at desc, h2.rowid desc limit 1)
		where u.role = 'youth' and u.birth_date > ${bornAfter} and u.birth_date <= ${bornOnOrBefore}
			and u.created_at < ${end} and (u.disabled_at is null or u.disabled_at >= ${end})
		group by age, status, hours`);
	const counts = Object.fromEntries(
		CENSUS_CATEGORIES.map((c) => [c, Object.fromEntries(CENSUS_BANDS.map((b) => [b, 0]))])
	) as Census['counts'];
	for (const row of rows) {
		const band = censusBand(row.age);
		if (!band) continue;
		counts[officialCategory({ status: row.status ?? 'unknown', hoursPerWeek: row.hours })][band] += row.n;
	}
	return { date, counts };
}
