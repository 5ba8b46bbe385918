export { SETTINGS_FIELDS, updateSettings } from './settings';
