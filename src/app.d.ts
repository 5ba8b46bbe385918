import type { SessionUser } from '$lib/server/auth';

declare global {
	namespace App {
		interface Error {
			message: string;
			reference?: string;
		}
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			locale: import('$lib/paraglide/runtime').Locale;
		}
	}
}

export {};
