import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * The identity provider's answer to our single logout (HTTP-POST, or a redirect): the Minvej
 * session ended before we asked, so the answer changes nothing here; on to the login page.
 */
const done: RequestHandler = () => redirect(303, '/login?loggedOut=1');
export const POST = done;
export const GET = done;
