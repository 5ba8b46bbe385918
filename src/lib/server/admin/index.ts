/**
 * Administration by the coordinator: the municipality's settings (and, as it grows, staff
 * accounts). Routes import this part only through this entry.
 */
export { SETTINGS_FIELDS, updateSettings } from './settings';
