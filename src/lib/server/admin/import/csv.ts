/**
 * Reading an uploaded caseload file: the bytes must be UTF-8 (a UTF-8 BOM is dropped; Danish
 * Excel's "CSV (semikolonsepareret)" in Windows-1252 is refused with the row of the first byte
 * that is not UTF-8), and the fields are split by csv-parse, with commas or semicolons (the
 * delimiter is the one the header row uses). Every problem names its row (1 is the header).
 */
import { parse } from 'csv-parse/sync';
import type { ImportError } from './errors';

import { MAX_IMPORT_BYTES } from '../../../shared/admin';
export { MAX_IMPORT_BYTES };
/** Rows below the header; a larger caseload comes in several files. */
export const MAX_IMPORT_ROWS = 10_000;

/** The 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

/** The offset of the first byte that is not part of valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		let need = 0;
		let min = 0;
		if (b < 0x80) {
			i++;
			continue;
		} else if (b >= 0xc2 && b <= 0xdf) {
			need = 1;
			min = 0x80;
		} else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			min = 0x800;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			min = 0x10000;
		} else return i;
		if (i + need >= bytes.length) return i;
		let code = b & (0xff >> (need + 2));
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) return i;
			code = (code << 6) | (c & 0x3f);
		}
		if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
		i += need + 1;
	}
	return -1;
}

export type Decoded = { ok: true; text: string } | { ok: false; error: ImportError };

/** The file as text: UTF-8 only, BOM dropped. */
export function decodeFile(bytes: Uint8Array): Decoded {
	if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, error: { row: null, column: null, reason: 'too_large' } };
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return { ok: false, error: { row: 1, column: null, reason: 'utf16' } };
	const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	const body = bytes.subarray(start);
	const bad = firstInvalidUtf8(body);
	if (bad >= 0) return { ok: false, error: { row: lineAt(body, bad), column: null, reason: 'encoding' } };
	const text = new TextDecoder('utf-8').decode(body);
	if (!text.trim()) return { ok: false, error: { row: null, column: null, reason: 'empty' } };
	return { ok: true, text };
}

/** The delimiter the header row uses: a semicolon when it has more of them than commas. */
export function delimiterOf(text: string): ',' | ';' {
	const header = text.slice(0, text.search(/\r?\n|$/));
	const count = (c: string) => header.split(c).length - 1;
	return count(';') > count(',') ? ';' : ',';
}

export interface CsvRecord {
	/** The line the record starts on (1: the header). */
	row: number;
	fields: string[];
}

export type Split = { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; error: ImportError };

/** Splits the text into the header and the records (empty lines skipped). */
export function splitCsv(text: string): Split {
	let parsed: { record: string[]; info: { lines: number } }[];
	try {
		parsed = parse(text, {
			delimiter: delimiterOf(text),
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true,
			info: true,
			max_record_size: 100_000
		}) as unknown as typeof parsed;
	} catch (e) {
		const lines = (e as { lines?: number }).lines;
		return { ok: false, error: { row: typeof lines === 'number' ? lines : null, column: null, reason: 'csv' } };
	}
	const [first, ...rest] = parsed;
	if (!first) return { ok: false, error: { row: null, column: null, reason: 'empty' } };
	if (rest.length > MAX_IMPORT_ROWS)
		return { ok: false, error: { row: rest[MAX_IMPORT_ROWS]!.info.lines, column: null, reason: 'too_many_rows', detail: String(rest.length) } };
	return {
		ok: true,
		header: first.record,
		records: rest.map((r) => ({ row: r.info.lines, fields: r.record }))
	};
}
