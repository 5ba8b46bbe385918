import { fail, redirect } from '@sveltejs/kit';
import { authorizeGlobal } from '$lib/server/access';
import { SESSION_COOKIE, endAllSessions, endOtherSessions, endSessionByHandle, listSessions } from '$lib/server/auth';
import { field } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

/** Signed in on these devices: every person's own sessions, and logging them out (README, "Limits"). */
export const load: PageServerLoad = ({ locals }) => {
	authorizeGlobal(locals.user, 'sessions.manage');
	return { sessions: listSessions(locals.user.id, locals.sessionId) };
};

export const actions: Actions = {
	/** One other device (this one logs out with the ordinary logout). */
	end: async ({ request, locals }) => {
		authorizeGlobal(locals.user, 'sessions.manage');
		const form = await request.formData();
		const handle = field(form, 'session').slice(0, 64);
		if (!locals.sessionId || !endSessionByHandle(locals.user.id, locals.sessionId, handle)) return fail(400, { error: 'gone' as const });
		return { ended: 'one' as const };
	},
	/** Every device but this one. */
	endOthers: ({ locals }) => {
		authorizeGlobal(locals.user, 'sessions.manage');
		if (locals.sessionId) endOtherSessions(locals.user.id, locals.sessionId);
		return { ended: 'others' as const };
	},
	/** Every device, this one too: to the login page, where the service worker clears what it kept. */
	endAll: ({ locals, cookies }) => {
		authorizeGlobal(locals.user, 'sessions.manage');
		endAllSessions(locals.user.id);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/login?loggedOut=1');
	}
};
