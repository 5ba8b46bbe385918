import { publicInfo } from '$lib/server/privacy';
import type { PageServerLoad } from './$types';

/** A public page (issue 20): open to anyone (hooks.server.ts PUBLIC_PATHS), plain text, no scripts. */
export const csr = false;

export const load: PageServerLoad = () => ({ info: publicInfo() });
