/**
 * The coordinator changes the youth unit's contact details, the weekday of the weekly visitation
 * (Monday–Friday) and how long the access log is kept. Takes effect on the next request.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, forgetPerRequest } from '../db';
import { settings } from '../db/schema';
import { authorizeGlobal, type Actor } from '../access';
import { SETTINGS_KEY } from '../settings';

/** What the coordinator may change, and its limits (the database checks the same ranges). */
const settingsInput = z.object({
	unitPhone: z
		.string()
		.trim()
		.regex(/^\+?[0-9 ]{8,20}$/),
	unitAddress: z.string().trim().min(5).max(200),
	unitEmail: z.union([z.literal(''), z.string().trim().email().max(200)]),
	openingHours: z.string().trim().max(200),
	visitationWeekday: z.coerce.number().int().min(1).max(5),
	accessLogRetentionDays: z.coerce.number().int().min(30).max(3650)
});
export type SettingsField = keyof z.infer<typeof settingsInput>;
export const SETTINGS_FIELDS = Object.keys(settingsInput.shape) as SettingsField[];

export type SettingsResult = { ok: true } | { ok: false; errors: SettingsField[] };

/**
 * The coordinator changes the youth unit's contact details, the weekday of the weekly visitation
 * (Monday–Friday) and how long the access log is kept. Takes effect on the next request.
 */
export function updateSettings(actor: Actor, raw: Record<string, string>, now = new Date()): SettingsResult {
	authorizeGlobal(actor, 'settings.manage');
	const parsed = settingsInput.safeParse(raw);
	if (!parsed.success) return { ok: false, errors: [...new Set(parsed.error.issues.map((i) => i.path[0] as SettingsField))] };
	const { unitEmail, ...rest } = parsed.data;
	db()
		.update(settings)
		.set({ ...rest, unitEmail: unitEmail || null, updatedAt: now })
		.where(eq(settings.id, 1))
		.run();
	// The page shown after the change, in this same request, reads the new settings.
	forgetPerRequest(SETTINGS_KEY);
	return { ok: true };
}
