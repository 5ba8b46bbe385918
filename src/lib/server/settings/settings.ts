/**
 * The municipality's settings, read by every part (the policy included). This part reads only:
 * the coordinator changes them through `admin/`, so settings never depend on the policy.
 */
import { eq, getTableColumns } from 'drizzle-orm';
import { oncePerRequest, prepareOnce } from '../db';
import { settings, type Settings } from '../db/schema';

export const DEFAULT_SETTINGS = {
	selfConsentAge: 15,
	visitationWeekday: 3,
	accessLogRetentionDays: 183
} as const;

/** The key under which a request keeps the settings it has read (admin/ forgets it on a change). */
export const SETTINGS_KEY = 'settings';

/**
 * The municipality's settings (one row, created by the seed or the first start), read once per
 * request: the layout, the page and the policy all ask.
 */
const settingsRow = prepareOnce((database) =>
	database.select(getTableColumns(settings)).from(settings).where(eq(settings.id, 1)).prepare()
);

export function getSettings(): Settings {
	return oncePerRequest(SETTINGS_KEY, () => {
		const row = settingsRow().get();
		if (!row) throw new Error('Municipality settings are missing: run the seed or insert settings row 1');
		return row;
	});
}
