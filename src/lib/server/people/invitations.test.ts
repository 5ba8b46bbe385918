import { beforeEach, describe, expect, it } from 'vitest';
import { inviteNewPerson } from './invitations';
import { acceptInvite } from './accept-invite';
import { listChildren } from './lists';
import { can } from '../access';
import { demoUser, freshDemoDatabase } from '../testing';
import type { Db } from '../db';

let db: Db;
const who = (u: string) => demoUser(db, u);
beforeEach(async () => {
	db = await freshDemoDatabase();
});

const parentOf = (youth: string, custody: boolean) => ({ role: 'parent', displayName: 'Said Hassan', linkYouthId: who(youth).id, custody });

describe('inviting a parent', () => {
	it('makes no custody holder for a young person of 18 or more', () => {
		expect(inviteNewPerson(who('jonas'), parentOf('amina', true))).toEqual({ ok: false, error: 'custody_adult' });
		expect(inviteNewPerson(who('sofie'), parentOf('ida', true))).toEqual({ ok: false, error: 'custody_adult' });
		expect(inviteNewPerson(who('lone'), parentOf('amina', true))).toEqual({ ok: false, error: 'custody_adult' });
		// Under 18 a custody holder is invited as before.
		expect(inviteNewPerson(who('mette'), parentOf('freja', true)).ok).toBe(true);
		expect(inviteNewPerson(who('lone'), parentOf('noah', true)).ok).toBe(true);
	});

	it('links a parent to an adult without custody, who sees nothing of her until she says yes', async () => {
		const invite = inviteNewPerson(who('jonas'), parentOf('amina', false));
		if (!invite.ok) throw new Error(invite.error);
		expect((await acceptInvite(invite.code, { username: 'said', password: 'en god lang kode' })).ok).toBe(true);
		const said = who('said');
		expect(can(said, 'profile.read', who('amina').id)).toBe(false);
		expect(listChildren(said)).toEqual([]);
	});
});
