/**
 * The language a person chose, stored on their account (issue 16): the next device they log in
 * on and the push notices they get follow it, not only the cookie of the browser they chose it in.
 */
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';
import { isLocaleName, localesFor, type Locale } from '../../shared/locales';
import type { SessionUser } from './session';

/**
 * Stores the choice on the actor's account. A language the person's pages are not translated
 * into (staff: Danish and English only) is not stored; answers whether it was.
 */
export function saveLocale(actor: Pick<SessionUser, 'id' | 'role'>, locale: Locale): boolean {
	if (!localesFor(actor.role).includes(locale)) return false;
	db().update(users).set({ locale }).where(eq(users.id, actor.id)).run();
	return true;
}

/** The stored language of a person, if it is one of the interface languages. */
export function storedLocale(userId: string): Locale | null {
	const row = db().select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get();
	return isLocaleName(row?.locale) ? row.locale : null;
}
