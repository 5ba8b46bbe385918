/**
 * The outcome figures as tables of text, in the reader's language: the page shows exactly these
 * cells and the CSV export writes exactly these cells, so the two always agree.
 *
 * Small groups: any count of 1–4 young people is shown as "< 5"; a median or an average based on
 * fewer than 5 young people is not shown ("–"); a total is not shown when it would let a hidden
 * group be worked out (a group in its column is hidden).
 */
import type { Locale } from '$lib/paraglide/runtime.js';
import { m } from '$lib/paraglide/messages.js';
import { formatCount, formatDate, formatDecimal, formatMonth, youthStatusLabel } from '../../shared/followup-labels';
import {
	CENSUS_BANDS,
	CENSUS_CATEGORIES,
	type Census,
	type CensusCategory,
	type OutcomeCell,
	type OutcomeTable
} from '../../shared/followup';
import { YOUTH_STATUSES } from '../db/schema';
import type { OutcomeReport, TimingFigure } from './outcomes';

/** The smallest group of young people whose number is shown. */
export const MIN_GROUP = 5;
export const SUPPRESSED = '< 5';
export const NOT_SHOWN = '–';

const isSmall = (n: number) => n > 0 && n < MIN_GROUP;

function count(n: number, locale: Locale): OutcomeCell {
	return isSmall(n) ? { text: SUPPRESSED, value: null } : { text: formatCount(n, locale), value: n };
}

/** A median or average, shown only when at least MIN_GROUP young people stand behind it. */
function decimal(x: number | null, youth: number, locale: Locale): OutcomeCell {
	if (x === null || youth < MIN_GROUP) return { text: NOT_SHOWN, value: null };
	const rounded = Math.round(x * 10) / 10;
	return { text: formatDecimal(rounded, locale), value: rounded };
}

/** A column total: hidden when a group in the column is hidden (it could be worked out). */
function total(parts: number[], locale: Locale): OutcomeCell {
	const sum = parts.reduce((a, b) => a + b, 0);
	if (isSmall(sum)) return { text: SUPPRESSED, value: null };
	if (parts.some(isSmall)) return { text: NOT_SHOWN, value: null };
	return count(sum, locale);
}

const CENSUS_LABEL: Record<CensusCategory, typeof m.outcomes_census_education> = {
	education: m.outcomes_census_education,
	work: m.outcomes_census_work,
	completed: m.outcomes_census_completed,
	no_attachment: m.outcomes_census_no_attachment,
	exempt: m.outcomes_census_exempt,
	moved_away: m.outcomes_census_moved_away,
	unknown: m.outcomes_census_unknown
};

/** The categories the official share is taken of. */
const COUNTED: readonly CensusCategory[] = ['education', 'work', 'completed', 'no_attachment'];

/**
 * The share with no attachment among the four counted categories, in per cent: not shown when
 * fewer than MIN_GROUP young people stand behind it, or when its count is hidden (the share times
 * the total would give it away).
 */
function share(noAttachment: number, counted: number, locale: Locale): OutcomeCell {
	if (counted < MIN_GROUP || isSmall(noAttachment)) return { text: NOT_SHOWN, value: null };
	const rounded = Math.round((noAttachment / counted) * 1000) / 10;
	return { text: m.outcomes_census_percent({ value: formatDecimal(rounded, locale) }, { locale }), value: rounded };
}

/**
 * The 1 October count: categories as rows, age bands and their total as columns, then the column
 * totals and the share with no attachment. A row's total and a column's total are each hidden
 * when a group in them is, as in the other tables.
 */
function censusTable(census: Census, locale: Locale): OutcomeTable {
	const o = { locale };
	const row = (c: CensusCategory) => CENSUS_BANDS.map((b) => census.counts[c][b]);
	const column = (b: (typeof CENSUS_BANDS)[number]) => CENSUS_CATEGORIES.map((c) => census.counts[c][b]);
	const all = CENSUS_CATEGORIES.flatMap(row);
	const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	const counted = (b?: (typeof CENSUS_BANDS)[number]) => sum(COUNTED.map((c) => (b ? census.counts[c][b] : sum(row(c)))));
	return {
		id: 'census',
		caption: m.outcomes_census_caption({ date: formatDate(census.date, locale) }, o),
		rowHeader: m.outcomes_census_category({}, o),
		columns: [...CENSUS_BANDS.map((band) => m.outcomes_census_band({ band: band.replace('-', '–') }, o)), m.outcomes_total({}, o)],
		rows: [
			...CENSUS_CATEGORIES.map((c) => ({
				label: CENSUS_LABEL[c]({}, o),
				cells: [...row(c).map((n) => count(n, locale)), total(row(c), locale)]
			})),
			{ label: m.outcomes_total({}, o), cells: [...CENSUS_BANDS.map((b) => total(column(b), locale)), total(all, locale)] },
			{
				label: m.outcomes_census_share({}, o),
				cells: [
					...CENSUS_BANDS.map((b) => share(census.counts.no_attachment[b], counted(b), locale)),
					share(sum(row('no_attachment')), counted(), locale)
				]
			}
		]
	};
}

function timingTable(
	id: 'requests' | 'replies',
	figure: TimingFigure,
	labels: { caption: string; youth: string; median: string },
	locale: Locale
): OutcomeTable {
	const o = { locale };
	return {
		id,
		caption: labels.caption,
		rowHeader: m.outcomes_measure({}, o),
		columns: [m.outcomes_value({}, o)],
		rows: [
			{ label: labels.youth, cells: [count(figure.youth, locale)] },
			{ label: labels.median, cells: [decimal(figure.median, figure.youth, locale)] }
		]
	};
}

export function outcomeTables(report: OutcomeReport, locale: Locale): OutcomeTable[] {
	const o = { locale };
	const active = YOUTH_STATUSES.map((s) => report.cases[s].active);
	const closed = YOUTH_STATUSES.map((s) => report.cases[s].closed);
	return [
		{
			id: 'cases',
			caption: m.outcomes_cases_caption({}, o),
			rowHeader: m.outcomes_status({}, o),
			columns: [m.outcomes_active({}, o), m.outcomes_closed({}, o)],
			rows: [
				...YOUTH_STATUSES.map((status, i) => ({
					label: youthStatusLabel(status, locale, 'staff'),
					cells: [count(active[i]!, locale), count(closed[i]!, locale)]
				})),
				{ label: m.outcomes_total({}, o), cells: [total(active, locale), total(closed, locale)] }
			]
		},
		timingTable(
			'requests',
			report.requests,
			{
				caption: m.outcomes_requests_caption({}, o),
				youth: m.outcomes_requests_youth({}, o),
				median: m.outcomes_requests_median({}, o)
			},
			locale
		),
		timingTable(
			'replies',
			report.replies,
			{
				caption: m.outcomes_replies_caption({}, o),
				youth: m.outcomes_replies_youth({}, o),
				median: m.outcomes_replies_median({}, o)
			},
			locale
		),
		{
			id: 'checkins',
			caption: m.outcomes_checkins_caption({}, o),
			rowHeader: m.outcomes_month({}, o),
			columns: [
				m.outcomes_checkins_answered({}, o),
				m.outcomes_checkins_average({}, o),
				m.outcomes_checkins_low({}, o),
				m.outcomes_checkins_missed({}, o)
			],
			rows: report.checkins.map((c) => ({
				label: formatMonth(c.month, locale),
				cells: [
					count(c.answeredYouth, locale),
					decimal(c.averageScore, c.answeredYouth, locale),
					count(c.lowYouth, locale),
					count(c.missedYouth, locale)
				]
			}))
		},
		{
			id: 'deadlines',
			caption: m.outcomes_deadlines_caption({}, o),
			rowHeader: m.outcomes_deadline_kind({}, o),
			columns: [
				m.outcomes_deadlines_met({}, o),
				m.outcomes_deadlines_late({}, o),
				m.outcomes_deadlines_missed({}, o),
				m.outcomes_deadlines_open({}, o)
			],
			rows: (['contact', 'offer'] as const).map((kind) => {
				const c = report.deadlines[kind];
				return {
					label: (kind === 'contact' ? m.deadline_kind_contact : m.deadline_kind_offer)({}, o),
					cells: [count(c.met, locale), count(c.late, locale), count(c.missed, locale), count(c.open, locale)]
				};
			})
		},
		censusTable(report.census, locale)
	];
}

function csvField(value: string, separator: string): string {
	return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The same cells as CSV, one line per cell: table, row, column, value. Danish uses the semicolon
 * (as Danish spreadsheets expect with decimal commas), English the comma. UTF-8 with a BOM.
 */
export function outcomesCsv(tables: OutcomeTable[], locale: Locale): string {
	const separator = locale === 'da' ? ';' : ',';
	const o = { locale };
	const lines: string[][] = [
		[m.outcomes_csv_table({}, o), m.outcomes_csv_row({}, o), m.outcomes_csv_column({}, o), m.outcomes_csv_value({}, o)]
	];
	for (const table of tables)
		for (const row of table.rows) row.cells.forEach((cell, i) => lines.push([table.caption, row.label, table.columns[i]!, cell.text]));
	return '\uFEFF' + lines.map((line) => line.map((v) => csvField(v, separator)).join(separator)).join('\r\n') + '\r\n';
}
