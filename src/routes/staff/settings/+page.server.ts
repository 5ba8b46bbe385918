import { fail } from '@sveltejs/kit';
import { field } from '$lib/server/http';
import { authorizeGlobal } from '$lib/server/access';
import { getSettings } from '$lib/server/settings';
import { SETTINGS_FIELDS, updateSettings } from '$lib/server/admin';
import { backupStatus } from '$lib/server/backup';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'settings.manage');
	const s = getSettings();
	return {
		settings: {
			unitPhone: s.unitPhone,
			unitAddress: s.unitAddress,
			unitEmail: s.unitEmail ?? '',
			openingHours: s.openingHours,
			visitationWeekday: String(s.visitationWeekday),
			accessLogRetentionDays: String(s.accessLogRetentionDays)
		},
		// No file names or error texts: they name server paths.
		backup: (({ configured, everyMs, keep, lastGood, lastFailure, overdue }) => ({
			configured,
			everyMs,
			keep,
			lastGood: lastGood && { at: lastGood.at, bytes: lastGood.bytes, durationMs: lastGood.durationMs },
			lastFailedAt: lastFailure?.at ?? null,
			overdue
		}))(backupStatus())
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const form = await request.formData();
		const values = Object.fromEntries(SETTINGS_FIELDS.map((name) => [name, field(form, name)]));
		const result = updateSettings(locals.user, values);
		if (!result.ok) return fail(400, { errors: result.errors, values });
		return { saved: true };
	}
};
