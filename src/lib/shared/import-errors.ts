/**
 * What can be wrong with an imported caseload file (admin/import/), and each error in plain words
 * for the page and the command line alike.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';

/** What can be wrong with an imported file, each located by row (1: the header) and column. */
export const IMPORT_REASONS = [
	'too_large',
	'too_many_rows',
	'empty',
	'utf16',
	'encoding',
	'csv',
	'unknown_column',
	'missing_column',
	'duplicate_column',
	'field_count',
	'type',
	'required',
	'too_long',
	'external_id',
	'date',
	'age',
	'status',
	'goal_type',
	'role',
	'department',
	'capacity',
	'custody',
	'languages',
	'not_for_type',
	'duplicate',
	'unknown_guide',
	'not_guide',
	'unknown_youth',
	'id_taken',
	'parent_name',
	'role_change',
	'stale'
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

export interface ImportError {
	/** The file's line (1: the header); null: the file as a whole. */
	row: number | null;
	/** The column's name as the file has it; null: the row as a whole. */
	column: string | null;
	reason: ImportReason;
	/** The value, the other row, or a count, as the reason's text needs it. */
	detail?: string;
}

const REASONS: Record<ImportReason, (inputs: { detail: string }, options: { locale?: Locale }) => string> = {
	too_large: m.import_reason_too_large,
	too_many_rows: m.import_reason_too_many_rows,
	empty: m.import_reason_empty,
	utf16: m.import_reason_utf16,
	encoding: m.import_reason_encoding,
	csv: m.import_reason_csv,
	unknown_column: m.import_reason_unknown_column,
	missing_column: m.import_reason_missing_column,
	duplicate_column: m.import_reason_duplicate_column,
	field_count: m.import_reason_field_count,
	type: m.import_reason_type,
	required: m.import_reason_required,
	too_long: m.import_reason_too_long,
	external_id: m.import_reason_external_id,
	date: m.import_reason_date,
	age: m.import_reason_age,
	status: m.import_reason_status,
	goal_type: m.import_reason_goal_type,
	role: m.import_reason_role,
	department: m.import_reason_department,
	capacity: m.import_reason_capacity,
	custody: m.import_reason_custody,
	languages: m.import_reason_languages,
	not_for_type: m.import_reason_not_for_type,
	duplicate: m.import_reason_duplicate,
	unknown_guide: m.import_reason_unknown_guide,
	not_guide: m.import_reason_not_guide,
	unknown_youth: m.import_reason_unknown_youth,
	id_taken: m.import_reason_id_taken,
	parent_name: m.import_reason_parent_name,
	role_change: m.import_reason_role_change,
	stale: m.import_reason_stale
};

/** "Row 4, column »birth_date«: »2010-02-30« is not a real date …" */
export function importErrorText(error: ImportError, locale?: Locale): string {
	const options = locale ? { locale } : {};
	const reason = REASONS[error.reason]({ detail: error.detail ?? '' }, options);
	if (error.row === null) return reason;
	if (error.column === null) return m.import_error_row({ row: error.row, reason }, options);
	return m.import_error_at({ row: error.row, column: error.column, reason }, options);
}
