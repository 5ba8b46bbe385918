/**
 * The Minvej data model: the single source of types for the server.
 *
 * Conventions
 * - Ids are random strings (see `newId`), never counters, so they can appear in URLs.
 * - Times are stored as integer milliseconds since the epoch (`timestamp_ms`).
 * - Calendar dates (birth dates, due dates, target dates) are ISO `YYYY-MM-DD` text in
 *   Europe/Copenhagen, because that is what a person means by "the 3rd of March".
 * - Enumerations are text columns with CHECK constraints, so a bad value never lands.
 * - Consent records and the access log are append-only; triggers in the migrations refuse
 *   UPDATE and DELETE on them.
 */
export * from '../../../shared/domain';
export * from './people';
export * from './guides';
export * from './plans';
export * from './consent';
export * from './messages';
export * from './followup';
export * from './system';
export * from './admin';
export * from './lists';
export * from './sign-in';
export { nameKey, nameKeySql } from './name-key';
