/**
 * The municipality's settings, read by every part (the policy included). Changed only through
 * admin/, so settings never depend on the policy. Routes import this part only through this entry.
 */
export { getSettings, SETTINGS_KEY } from './settings';
export { unitContact } from './unit';
