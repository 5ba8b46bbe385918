/** Staff invite a new young person or parent (validated with zod, decided by the policy). */
import { z } from 'zod';
import { createInvite } from '../auth';
import { ageOn, isIsoDate } from '../dates';
import { listCaseload } from './lists';
import { authorizeGlobal, can, recordAccesses, type Actor } from '../access';

const name = z.string().trim().min(1).max(100);

const inviteInput = z.discriminatedUnion('role', [
	z.object({
		role: z.literal('youth'),
		displayName: name,
		birthDate: z
			.string()
			.refine(isIsoDate)
			.refine((d) => {
				const age = ageOn(d);
				return age >= 13 && age <= 25;
			})
	}),
	z.object({
		role: z.literal('parent'),
		displayName: name,
		linkYouthId: z.string().min(1).max(64),
		custody: z.boolean()
	})
]);

export type InviteError = 'role' | 'name' | 'birth_date' | 'youth' | 'custody_adult';

/** Which young people the actor may link a new parent to (the list of names is a read, logged). */
export function parentInviteTargets(actor: NonNullable<Actor>) {
	const targets = listCaseload(actor)
		.filter((y) => can(actor, 'parent.invite', y.id))
		.map((y) => ({ id: y.id, displayName: y.displayName }));
	recordAccesses(
		actor,
		targets.map((y) => y.id),
		'caseload'
	);
	return targets;
}

export function inviteNewPerson(
	actor: Actor,
	raw: Record<string, unknown>
): { ok: true; code: string; expiresAt: Date } | { ok: false; error: InviteError } {
	authorizeGlobal(actor, 'invite.create');
	const parsed = inviteInput.safeParse(raw);
	if (!parsed.success) {
		const path = parsed.error.issues[0]?.path[0];
		const error: InviteError =
			path === 'displayName' ? 'name' : path === 'birthDate' ? 'birth_date' : path === 'linkYouthId' ? 'youth' : 'role';
		return { ok: false, error };
	}
	const input = parsed.data;
	if (input.role === 'parent' && !can(actor, 'parent.invite', input.linkYouthId)) return { ok: false, error: 'youth' };
	// From 18 nobody holds custody: a parent of an adult sees only what the adult chooses to share.
	if (input.role === 'parent' && input.custody && !can(actor, 'parent.inviteCustodian', input.linkYouthId)) {
		return { ok: false, error: 'custody_adult' };
	}
	const { code, expiresAt } = createInvite(actor.id, input);
	return { ok: true, code, expiresAt };
}
