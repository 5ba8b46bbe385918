export { getSettings } from './settings';
