/** The import's errors are shared with the pages (src/lib/shared/import-errors.ts). */
export { IMPORT_REASONS, type ImportError, type ImportReason } from '../../../shared/import-errors';
