/**
 * A short description of the device a session was made on, for "signed in on these devices":
 * the browser and the system, as `Browser|System` (either may be empty), or null when neither is
 * recognised. Only names from the lists below are ever stored, never the User-Agent header
 * itself, so a long or hostile header costs nothing and shows nothing.
 *
 * Written here rather than with a parser library: we need a dozen well-known names, not versions
 * or device models, and ua-parser-js (the maintained one) is AGPL-3.0 since version 2.
 */

/** Checked in this order: Edge, Opera and Samsung Internet also say "Chrome", Chrome says "Safari". */
const BROWSERS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
	['Edge', /\bEdg(?:e|A|iOS)?\//],
	['Opera', /\bOPR\/|\bOPT\/|\bOpera\b/],
	['Samsung Internet', /\bSamsungBrowser\//],
	['Firefox', /\bFirefox\/|\bFxiOS\//],
	['Chrome', /\bChrome\/|\bCriOS\/|\bChromium\//],
	['Safari', /\bVersion\/[\d.]+.*\bSafari\//]
];

/** iPhone and iPad before Mac (their headers say "like Mac OS X"), Android before Linux. */
const SYSTEMS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
	['iPhone', /\biPhone\b|\biPod\b/],
	['iPad', /\biPad\b/],
	['Android', /\bAndroid\b/],
	['ChromeOS', /\bCrOS\b/],
	['Windows', /\bWindows\b/],
	['Mac', /\bMacintosh\b|\bMac OS X\b/],
	['Linux', /\bLinux\b|\bX11\b/]
];

/** Real headers are a few hundred characters; only their start is looked at. */
const READ_AT_MOST = 512;

export function describeDevice(userAgent: string | null | undefined): string | null {
	const ua = (userAgent ?? '').slice(0, READ_AT_MOST);
	const browser = BROWSERS.find(([, p]) => p.test(ua))?.[0] ?? '';
	const system = SYSTEMS.find(([, p]) => p.test(ua))?.[0] ?? '';
	return browser || system ? `${browser}|${system}` : null;
}

/** The stored description's parts (null: not recognised). */
export function deviceParts(device: string | null): { browser: string | null; system: string | null } {
	const [browser = '', system = ''] = (device ?? '').split('|');
	return { browser: browser || null, system: system || null };
}
