/**
 * The site a passkey belongs to: the relying party id is the site's host name and the expected
 * origin the site's origin. In production adapter-node takes both from its ORIGIN setting (the
 * request's url.origin is ORIGIN); in development and the tests it is the address the browser used.
 */
import { describeDevice } from '../auth';

export interface Site {
	/** The relying party id: the host name, without port. */
	rpID: string;
	origin: string;
	/** The name the phone shows. */
	name: string;
}

export function siteOf(url: URL): Site {
	return { rpID: url.hostname, origin: url.origin, name: 'Minvej' };
}

/** What the person sees in their list: the browser and system the passkey was added on. */
export function deviceLabel(userAgent: string | null): string {
	return describeDevice(userAgent) ?? '';
}
