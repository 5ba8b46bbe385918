import type { SessionUser } from './session';

/** Where each role lands after login. */
export function homeFor(role: SessionUser['role']): string {
	switch (role) {
		case 'youth':
			return '/';
		case 'parent':
			return '/parent';
		default:
			return '/staff';
	}
}
