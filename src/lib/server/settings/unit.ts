/** How to reach the youth unit, as every page's footer shows it (issue 20). */
import type { Unit } from '../../shared/settings';
import { getSettings } from './settings';

export function unitContact(): Unit {
	const s = getSettings();
	return { name: s.unitName, phone: s.unitPhone, address: s.unitAddress, email: s.unitEmail, openingHours: s.openingHours };
}
