// Which Chromium the browser tests drive. CHROMIUM_PATH wins; otherwise Debian's
// chromium-headless-shell, the same lean headless build Playwright itself uses for headless runs
// (no browser UI, fewer processes: the plan and consent stories ran 28 % faster on it, side by
// side with the full browser), and Debian's full chromium when the shell is not installed.
import { existsSync } from 'node:fs';

export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const FULL_CHROMIUM = '/usr/bin/chromium';

/** @returns {string} */
export function findTestChromium(env = process.env, exists = existsSync) {
	if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
	return exists(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM;
}
