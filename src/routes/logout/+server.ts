import { redirect } from '@sveltejs/kit';
import { logOut } from '$lib/server/sign-in';
import type { RequestHandler } from './$types';

/**
 * Ends the session on the server and tells the browser to drop cached personal pages; a session
 * an outside provider made ends there too when it offers an end-session address (issue 19).
 */
export const POST: RequestHandler = async ({ locals, cookies, setHeaders, url }) => {
	const next = await logOut(locals.sessionId, cookies, url.origin);
	setHeaders({ 'Clear-Site-Data': '"cache"' });
	redirect(303, next);
};

export const GET: RequestHandler = () => redirect(303, '/');
