/**
 * The staff's list of young people as a query: search, filters, sort and page, all in the URL
 * (`?q=…&guideName=…&guide=…&status=…&flag=…&age=…&sort=…&dir=…&page=…`), so the list works without
 * JavaScript and a search can be bookmarked. Read leniently: anything unknown is left out.
 */
import { YOUTH_STATUSES, type YouthStatus } from './domain';
import { CASELOAD_SORTS, type CaseloadRow, type CaseloadSort, type SortDirection } from './plan';

export { CASELOAD_SORTS, type CaseloadSort, type SortDirection };

export const CASELOAD_PAGE_SIZE = 50;

/** The direction a column sorts in when first chosen: what needs attention comes first. */
export const DEFAULT_DIRECTION: Record<CaseloadSort, SortDirection> = {
	name: 'asc',
	age: 'asc',
	meeting: 'asc',
	overdue: 'desc',
	agreement: 'asc',
	// The most urgent flag first: a low check-in answer, then a missed one (issue 20).
	flags: 'asc',
	// The nearest legal deadline first, overdue ones before all (issue 21).
	deadline: 'asc'
};

/**
 * What needs attention: a low or missed check-in, overdue steps, a plan not agreed to, no guide,
 * and a legal deadline running (an open KUI deadline, issue 21).
 */
export const CASELOAD_FLAGS = ['low', 'missed', 'overdue', 'notAgreed', 'noGuide', 'deadline'] as const;
export type CaseloadFlag = (typeof CASELOAD_FLAGS)[number];

/** Age bands, in whole years (inclusive). */
export const AGE_BANDS = {
	'13-15': [13, 15],
	'16-17': [16, 17],
	'18-20': [18, 20],
	'21-25': [21, 25]
} as const satisfies Record<string, readonly [number, number]>;
export type AgeBand = keyof typeof AGE_BANDS;

export const MAX_SEARCH_LENGTH = 100;

/** One page of the staff's list, as the server answers a query. */
export interface CaseloadPage {
	rows: CaseloadRow[];
	/** How many young people match the query in all. */
	total: number;
	/** The query as answered (the page within range, filters the actor may not use left out). */
	query: CaseloadQuery;
	pages: number;
	/** The actor may filter by guide, status and flags. */
	filters: boolean;
	/** The columns the actor may sort by. */
	sorts: CaseloadSort[];
	/**
	 * The actor may filter by guide (who sees the guides' directory: the coordinator). By a part of
	 * the guide's name, not from a list: a large municipality has 1,700 guides, and a list of them
	 * all made every page of the coordinator's list 256 KB.
	 */
	guideFilter: boolean;
	/** The name of the guide filtered by (`guide`, an id, e.g. from a bookmark), to show in the field. */
	guideShown: string | null;
}

export interface CaseloadQuery {
	/** Words of the name, each of which must be in it. */
	q: string;
	/** Words of a guide's name, each of which must be in it. */
	guideName: string;
	/** A guide's id. */
	guide: string | null;
	status: YouthStatus | null;
	/** Every one of these must hold. */
	flags: CaseloadFlag[];
	age: AgeBand | null;
	sort: CaseloadSort;
	direction: SortDirection;
	/** 1-based. */
	page: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
	value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;

/** Reads the query from the address; unknown or malformed parts are dropped. */
export function readCaseloadQuery(params: URLSearchParams): CaseloadQuery {
	const sort = oneOf(CASELOAD_SORTS, params.get('sort')) ?? 'name';
	const dir = params.get('dir');
	const guide = params.get('guide') ?? '';
	const page = Number(params.get('page'));
	const words = (name: string) => (params.get(name) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_SEARCH_LENGTH);
	return {
		q: words('q'),
		guideName: words('guideName'),
		guide: /^[a-z0-9]{1,64}$/.test(guide) ? guide : null,
		status: oneOf(YOUTH_STATUSES, params.get('status')),
		flags: CASELOAD_FLAGS.filter((flag) => params.getAll('flag').includes(flag)),
		age: oneOf(Object.keys(AGE_BANDS) as AgeBand[], params.get('age')),
		sort,
		direction: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_DIRECTION[sort],
		page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1
	};
}

/** The address of the list with this query: only what differs from the defaults, in a fixed order. */
export function caseloadHref(query: CaseloadQuery): string {
	const params = new URLSearchParams();
	if (query.q) params.set('q', query.q);
	if (query.guideName) params.set('guideName', query.guideName);
	if (query.guide) params.set('guide', query.guide);
	if (query.status) params.set('status', query.status);
	for (const flag of query.flags) params.append('flag', flag);
	if (query.age) params.set('age', query.age);
	if (query.sort !== 'name' || query.direction !== DEFAULT_DIRECTION.name) params.set('sort', query.sort);
	if (query.direction !== DEFAULT_DIRECTION[query.sort]) params.set('dir', query.direction);
	if (query.page > 1) params.set('page', String(query.page));
	const text = params.toString();
	return text ? `?${text}` : '?';
}

/** The list sorted by this column: the other direction if it is sorted by it already; back to page 1. */
export function sortHref(query: CaseloadQuery, sort: CaseloadSort): string {
	const direction = sort === query.sort ? (query.direction === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[sort];
	return caseloadHref({ ...query, sort, direction, page: 1 });
}
