import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth';
import type { RequestHandler } from './$types';

/** Ends the session on the server and tells the browser to drop cached personal pages. */
export const POST: RequestHandler = ({ locals, cookies, setHeaders }) => {
	endSession(locals.sessionId, cookies);
	setHeaders({ 'Clear-Site-Data': '"cache"' });
	redirect(303, '/login?loggedOut=1');
};

export const GET: RequestHandler = () => redirect(303, '/');
