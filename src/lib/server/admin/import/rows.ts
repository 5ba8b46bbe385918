/**
 * The rows of a caseload file, checked one by one with zod: young people (name, birth date,
 * guide, status, plan goal), staff, and parents linked to a young person (with or without
 * custody). Every row carries a stable id (`external_id`, the earlier system's), so importing the
 * same file again finds the same people. Columns are named in English or Danish (README).
 */
import { z } from 'zod';
import { DEPARTMENTS, GOAL_TYPES, STAFF_ROLES, YOUTH_STATUSES, type Department, type GoalType, type YouthStatus } from '../../db/schema';
import { ageOn, isIsoDate } from '../../dates';
import type { ImportError, ImportReason } from './errors';
import type { CsvRecord } from './csv';

/** The columns, by their English name, with the Danish names also accepted. */
export const COLUMNS = {
	type: ['type'],
	external_id: ['id', 'ekstern_id'],
	name: ['navn'],
	birth_date: ['fødselsdato', 'foedselsdato'],
	guide: [],
	status: [],
	plan_goal_type: ['måltype', 'maaltype'],
	plan_goal: ['mål', 'maal'],
	role: ['rolle'],
	department: ['afdeling'],
	title: ['titel'],
	workplace: ['arbejdssted'],
	languages: ['sprog'],
	capacity: ['kapacitet'],
	youth: ['ung'],
	custody: ['forældremyndighed', 'foraeldremyndighed']
} as const;
export type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['type', 'external_id', 'name'];

/** Which columns a row of each type may fill in (the others must be empty). */
const ALLOWED: Record<RowType, Column[]> = {
	youth: ['type', 'external_id', 'name', 'birth_date', 'guide', 'status', 'plan_goal_type', 'plan_goal'],
	staff: ['type', 'external_id', 'name', 'role', 'department', 'title', 'workplace', 'languages', 'capacity'],
	parent: ['type', 'external_id', 'name', 'youth', 'custody']
};

const TYPES = {
	youth: 'youth',
	ung: 'youth',
	staff: 'staff',
	medarbejder: 'staff',
	parent: 'parent',
	forælder: 'parent',
	foraelder: 'parent'
} as const;
export type RowType = (typeof TYPES)[keyof typeof TYPES];

const ROLES: Record<string, (typeof STAFF_ROLES)[number]> = {
	guide: 'guide',
	caseworker: 'caseworker',
	sagsbehandler: 'caseworker',
	coordinator: 'coordinator',
	koordinator: 'coordinator'
};
const DEPARTMENT_NAMES: Record<string, Department> = {
	...Object.fromEntries(DEPARTMENTS.map((d) => [d, d])),
	familie: 'family',
	familieafdelingen: 'family',
	misbrug: 'addiction',
	misbrugsrådgivning: 'addiction'
};
const GOALS: Record<string, GoalType> = {
	...Object.fromEntries(GOAL_TYPES.map((g) => [g, g])),
	uddannelse: 'education',
	forberedende: 'preparatory'
};
const YES = ['ja', 'yes', 'true', '1', 'x'];
const NO = ['nej', 'no', 'false', '0', ''];

export interface YouthRow {
	type: 'youth';
	row: number;
	externalId: string;
	name: string;
	birthDate: string;
	/** The guide as the file names them (an external id or a username); null: leave as it is. */
	guide: string | null;
	status: YouthStatus | null;
	goal: { goalType: GoalType; goalText: string } | null;
}
export interface StaffRow {
	type: 'staff';
	row: number;
	externalId: string;
	name: string;
	role: (typeof STAFF_ROLES)[number];
	department: Department | null;
	title: string;
	workplace: string;
	languages: string[];
	capacity: number;
}
export interface ParentRow {
	type: 'parent';
	row: number;
	externalId: string;
	name: string;
	/** The young person's external id. */
	youth: string;
	custody: boolean;
}
export type ImportRow = YouthRow | StaffRow | ParentRow;

/** The header's names mapped to columns; unknown, missing or doubled columns are errors on row 1. */
export function readHeader(header: string[]): { columns: (Column | null)[]; errors: ImportError[] } {
	const errors: ImportError[] = [];
	const seen = new Set<Column>();
	const columns = header.map((raw) => {
		const name = raw.trim().toLowerCase().replace(/\s+/g, '_');
		const column = (Object.keys(COLUMNS) as Column[]).find((c) => c === name || (COLUMNS[c] as readonly string[]).includes(name)) ?? null;
		if (!column) {
			if (name) errors.push({ row: 1, column: raw, reason: 'unknown_column' });
			return null;
		}
		if (seen.has(column)) errors.push({ row: 1, column: raw, reason: 'duplicate_column' });
		seen.add(column);
		return column;
	});
	for (const column of REQUIRED) if (!seen.has(column)) errors.push({ row: 1, column, reason: 'missing_column' });
	return { columns, errors };
}

/** A birth date as YYYY-MM-DD, from that or DD-MM-YYYY (also with . or /); null when not a real date. */
export function readDate(value: string): string | null {
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
	const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(value);
	const [y, mo, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : danish ? [danish[3]!, danish[2]!, danish[1]!] : [];
	if (!y) return null;
	const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
	return isIsoDate(date) ? date : null;
}

const externalId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/);
const name = z.string().min(2).max(100);

/** Checks one record: its fields against its type. Problems are pushed to `errors`. */
export function readRow(record: CsvRecord, columns: (Column | null)[], now: Date, errors: ImportError[]): ImportRow | null {
	const at = (column: Column | null, reason: ImportReason, detail?: string): null => {
		errors.push({ row: record.row, column, reason, ...(detail !== undefined ? { detail } : {}) });
		return null;
	};
	if (record.fields.length !== columns.length) return at(null, 'field_count', `${record.fields.length}/${columns.length}`);
	const value: Partial<Record<Column, string>> = {};
	columns.forEach((c, i) => {
		if (c) value[c] = record.fields[i] ?? '';
	});
	const type = TYPES[(value.type ?? '').toLowerCase() as keyof typeof TYPES];
	if (!type) return at('type', 'type', value.type);
	const before = errors.length;
	for (const column of Object.keys(value) as Column[])
		if (value[column] && !ALLOWED[type].includes(column)) at(column, 'not_for_type', type);
	const get = (column: Column) => value[column] ?? '';
	const id = get('external_id');
	if (!id) at('external_id', 'required');
	else if (!externalId.safeParse(id).success) at('external_id', 'external_id', id);
	const fullName = get('name');
	if (!fullName) at('name', 'required');
	else if (!name.safeParse(fullName).success) at('name', fullName.length > 100 ? 'too_long' : 'required', fullName);

	if (type === 'youth') {
		const birth = get('birth_date');
		const birthDate = birth ? readDate(birth) : null;
		if (!birth) at('birth_date', 'required');
		else if (!birthDate) at('birth_date', 'date', birth);
		else if (ageOn(birthDate, now) < 13 || ageOn(birthDate, now) > 25) at('birth_date', 'age', birth);
		const status = get('status') ? statusOf(get('status')) : null;
		if (status === undefined) at('status', 'status', get('status'));
		const goalText = get('plan_goal');
		const goalType = get('plan_goal_type') ? GOALS[get('plan_goal_type').toLowerCase()] : 'education';
		if (!goalType) at('plan_goal_type', 'goal_type', get('plan_goal_type'));
		if (goalText.length > 500) at('plan_goal', 'too_long', String(goalText.length));
		if (!goalText && get('plan_goal_type')) at('plan_goal', 'required');
		if (errors.length > before) return null;
		return {
			type,
			row: record.row,
			externalId: id,
			name: fullName,
			birthDate: birthDate!,
			guide: get('guide') || null,
			status: (status as YouthStatus | null) ?? null,
			goal: goalText ? { goalType: goalType!, goalText } : null
		};
	}
	if (type === 'staff') {
		const role = ROLES[get('role').toLowerCase()];
		if (!role) at('role', get('role') ? 'role' : 'required', get('role'));
		const department = get('department') ? DEPARTMENT_NAMES[get('department').toLowerCase()] : null;
		if (department === undefined) at('department', 'department', get('department'));
		else if (role && (role === 'caseworker') !== !!department) at('department', 'department', get('department'));
		if (get('title').length > 100) at('title', 'too_long', String(get('title').length));
		if (get('workplace').length > 150) at('workplace', 'too_long', String(get('workplace').length));
		const languages = get('languages')
			.split(/[,;/|]/)
			.map((l) => l.trim())
			.filter(Boolean);
		if (languages.length > 10 || languages.some((l) => l.length > 40)) at('languages', 'languages', get('languages'));
		const capacityText = get('capacity');
		const capacity = capacityText ? Number(capacityText) : role === 'guide' ? 15 : 0;
		if (!Number.isInteger(capacity) || capacity < 0 || capacity > 200) at('capacity', 'capacity', capacityText);
		if (errors.length > before) return null;
		return {
			type,
			row: record.row,
			externalId: id,
			name: fullName,
			role: role!,
			department: department ?? null,
			title: get('title'),
			workplace: get('workplace'),
			languages,
			capacity
		};
	}
	const youth = get('youth');
	if (!youth) at('youth', 'required');
	const custodyText = get('custody').toLowerCase();
	if (!YES.includes(custodyText) && !NO.includes(custodyText)) at('custody', 'custody', get('custody'));
	if (errors.length > before) return null;
	return { type, row: record.row, externalId: id, name: fullName, youth, custody: YES.includes(custodyText) };
}

/**
 * A status in an import file: the official categories' names, and the first version's 'job' and
 * 'none' (as migration 0010 mapped them), since files exported from it still carry them.
 */
const STATUS_ALIASES: Record<string, YouthStatus> = { job: 'work', none: 'no_attachment' };

function statusOf(value: string): YouthStatus | undefined {
	const key = value.toLowerCase();
	return (YOUTH_STATUSES as readonly string[]).includes(key) ? (key as YouthStatus) : STATUS_ALIASES[key];
}
