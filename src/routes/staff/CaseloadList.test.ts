/**
 * A guide's list as the server renders it: one full page of 50 young people. Every row is there,
 * and a row carries only what it shows (issue 23: the page's weight is what a guide's `/staff`
 * costs to render, compress and hydrate; it was 1.8 KB a row with a scoping class on each of the
 * row's some 20 elements).
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { CASELOAD_PAGE_SIZE, CASELOAD_SORTS, type CaseloadPage } from '$lib/shared/caseload';
import type { CaseloadRow } from '$lib/shared/plan';
import CaseloadList from './CaseloadList.svelte';

/** A guide's young person with everything a row can show: a plan, a meeting, a last message. */
const row = (i: number): CaseloadRow => ({
	id: `youth${String(i).padStart(20, '0')}`,
	displayName: `Ung Nummer ${i}`,
	age: 14 + (i % 10),
	guideName: 'Jonas Jørgensen',
	plan: {
		goalText: 'Jeg vil have et praktikforløb og et fritidsjob ved siden af.',
		goalType: 'preparatory',
		overdueSteps: i % 3,
		proposals: i % 2,
		agreement: i % 2 ? 'stale' : 'current'
	},
	noPlan: false,
	nextMeeting: new Date(Date.UTC(2026, 11, 1 + (i % 28), 9)),
	status: 'no_attachment',
	flags: { checkin: null, checkinDetail: null, overdue: i % 3 > 0, notAgreed: i % 2 === 1, noGuide: false, deadline: null, dispute: false },
	messages: true,
	lastMessage: { at: new Date(Date.UTC(2026, 10, 1 + (i % 28), 15, 30)), fromYouth: i % 2 === 0 }
});

const page = (rows: CaseloadRow[]): CaseloadPage => ({
	rows,
	total: 59,
	query: { q: '', guideName: '', guide: null, status: null, flags: [], age: null, sort: 'name', direction: 'asc', page: 1 },
	pages: 2,
	filters: true,
	sorts: [...CASELOAD_SORTS],
	guideFilter: false,
	guideShown: null
});

const rowsOf = (html: string) => html.match(/<tr data-testid="caseload-row"[\s\S]*?<\/tr>/g) ?? [];

describe("a guide's list, one page of it", () => {
	const { body } = render(CaseloadList, { props: { list: page(Array.from({ length: CASELOAD_PAGE_SIZE }, (_, i) => row(i))), empty: '' } });
	const rows = rowsOf(body);

	it('shows every young person of the page, each with a link to them and their conversation', () => {
		expect(rows).toHaveLength(CASELOAD_PAGE_SIZE);
		for (const [i, html] of rows.entries()) {
			expect(html).toContain(`href="/staff/youth/${row(i).id}"`);
			expect(html).toContain(`href="/staff/messages/${row(i).id}"`);
			expect(html).toContain('Næste møde: </span>');
		}
	});

	it('styles the rows from the table: no scoping class on the elements of a row', () => {
		expect(body).toMatch(/<table class="caseload svelte-[a-z0-9]+">/);
		for (const html of rows) expect(html).not.toMatch(/svelte-[a-z0-9]+/);
	});

	it('keeps a row within 1.6 KB', () => {
		const largest = Math.max(...rows.map((html) => Buffer.byteLength(html)));
		expect(largest).toBeLessThanOrEqual(1600);
	});
});
