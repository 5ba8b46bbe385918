/**
 * Administration by the coordinator: the municipality's settings, staff accounts (create, change,
 * sign-in codes, a leaver's hand-over and disabling, each change in the account audit) and
 * bringing in an existing caseload from a CSV file. Routes import this part only through this
 * entry. The shapes it hands the pages are typed in src/lib/shared/admin.ts.
 */
export { SETTINGS_FIELDS, updateSettings } from './settings';
export { changeStaff, createStaff, issueSignInCode, listStaff, MAX_LANGUAGES, staffPerson } from './staff';
export type { StaffField, StaffResult } from './staff';
export { disableStaff, leaverHandover, TO_QUEUE } from './leaver';
export type { DisableResult } from './leaver';
export { applyFile, applyUpload, checkFile, checkUpload, COMMAND_LINE } from './caseload-import';
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './import/csv';
export { COLUMNS as IMPORT_COLUMNS } from './import/rows';
export type { ImportError, ImportReason } from './import/errors';
export type { ImportCheck, PlannedRow } from './import/check';
export type { ApplyResult, SignInCodeRow } from './import/apply';
