/** The outcome figure as the server renders it: a chart only where there is something to compare. */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { OutcomeTable } from '$lib/shared/followup';
import OutcomeFigure from './OutcomeFigure.svelte';

const cell = (value: number | null) => ({ value, text: value === null ? '< 5' : String(value) });
const checkins = (averages: Array<number | null>): OutcomeTable => ({
	id: 'checkins',
	caption: 'Svar på »Hvordan går det?« efter måned',
	rowHeader: 'Måned',
	columns: ['Svarede', 'Gennemsnit', 'Lavt svar', 'Svarede ikke'],
	rows: averages.map((average, i) => ({
		label: `Måned ${i + 1}`,
		cells: [cell(average === null ? null : 9), cell(average), cell(null), cell(null)]
	}))
});
const cases = (active: number | null, closed: number | null): OutcomeTable => ({
	id: 'cases',
	caption: 'Sager med guide',
	rowHeader: 'Status',
	columns: ['Aktive', 'Afsluttede'],
	rows: [
		{ label: 'I gang', cells: [cell(active), cell(0)] },
		{ label: 'Afsluttet', cells: [cell(0), cell(closed)] },
		{ label: 'I alt', cells: [cell(active), cell(closed)] }
	]
});

const chartOf = (html: string) => html.match(/<div class="chart[^"]*"[^>]*>([\s\S]*?)<table/)?.[1] ?? null;
const bars = (html: string) => [...html.matchAll(/class="bar s\d[^"]*"[^>]*style="width: ([\d.]+)%/g)].map((m) => Number(m[1]));

describe('OutcomeFigure', () => {
	it('draws the months with an average, under a visible title, and leaves out the months without one', () => {
		const { body } = render(OutcomeFigure, { props: { table: checkins([4, null, 2.5]), chart: 'score' } });
		const chart = chartOf(body);
		expect(chart).not.toBeNull();
		expect(chart).toContain('Figur: Svar på »Hvordan går det?« efter måned');
		expect(chart).toContain('Måned 1');
		expect(chart).toContain('Måned 3');
		expect(chart).not.toContain('Måned 2');
		expect(bars(body)).toEqual([80, 50]);
		// The table still has every month.
		expect(body.match(/<th scope="row"/g)).toHaveLength(3);
	});

	it('draws no chart when fewer than two rows have a figure: nothing to compare', () => {
		for (const table of [checkins([null, null, null]), checkins([3, null])]) {
			const { body } = render(OutcomeFigure, { props: { table, chart: 'score' } });
			expect(chartOf(body)).toBeNull();
			expect(body).toContain('data-testid="outcome-table-checkins"');
		}
		expect(chartOf(render(OutcomeFigure, { props: { table: cases(null, null), chart: 'counts' } }).body)).toBeNull();
	});

	it('draws counts without the total row; a real zero beside a figure is drawn as zero', () => {
		const { body } = render(OutcomeFigure, { props: { table: cases(12, 6), chart: 'counts' } });
		expect(chartOf(body)).toContain('Figur: Sager med guide');
		expect(chartOf(body)).not.toContain('I alt');
		expect(bars(body)).toEqual([100, 0, 0, 50]);
	});
});
