/**
 * The public pages' facts (issue 20): the privacy notice names who is responsible (the
 * municipality), how to reach the youth unit and how long things are kept, read from the
 * settings and from the limits the code itself keeps, so the notice never says other than the
 * code does. Public: no person's data, no access check.
 */
import { INVITE_LIFETIME_MS, SESSION_LIMITS } from '../auth';
import { getSettings, unitContact } from '../settings';
import type { PublicInfo } from '../../shared/settings';

const DAY = 24 * 60 * 60 * 1000;

export function publicInfo(): PublicInfo {
	const s = getSettings();
	return {
		municipality: s.municipalityName,
		unit: unitContact(),
		accessLogRetentionDays: s.accessLogRetentionDays,
		selfConsentAge: s.selfConsentAge,
		sessionIdleDays: Math.round(SESSION_LIMITS.personal.idle / DAY),
		sessionMaxDays: Math.round(SESSION_LIMITS.personal.absolute / DAY),
		inviteDays: Math.round(INVITE_LIFETIME_MS / DAY)
	};
}
