/**
 * The administration's page data (server/admin builds these, the admin pages show them): staff
 * accounts, their audit trail, a leaver's refusals.
 */
import type { AuditAction, Department, Role, STAFF_ROLES } from './domain';

export type StaffRole = (typeof STAFF_ROLES)[number];

/** One field's value before or after a change (null: none). */
export type AuditValue = string | number | boolean | null;

export interface AuditView {
	id: string;
	action: AuditAction;
	/** Who did it; null: the command-line import. */
	actorName: string | null;
	changes: { field: string; before: AuditValue; after: AuditValue }[];
	createdAt: Date;
}

/** Why the administration refused a change to an account. */
export type StaffProblem = 'external_login_taken' | 'last_coordinator' | 'has_youth' | 'self' | 'disabled';

/** Why disabling an account was refused. */
export type DisableProblem = 'self' | 'last_coordinator' | 'disabled' | 'handover';

export interface StaffListItem {
	id: string;
	displayName: string;
	role: Role;
	department: Department | null;
	title: string;
	disabled: boolean;
	/** The person has chosen a username and password (or signs in through the identity provider). */
	signedUp: boolean;
}

export interface StaffPerson {
	id: string;
	displayName: string;
	username: string | null;
	role: StaffRole;
	department: Department | null;
	title: string;
	workplace: string;
	languages: string[];
	capacity: number;
	externalLogin: string;
	disabledAt: Date | null;
	signedUp: boolean;
	/** Young people assigned now (a guide's). */
	caseload: number;
	/** The actor themselves: their own role is not theirs to change, nor their account to disable. */
	self: boolean;
	/** The only active coordinator: their account may not be disabled, nor their role changed. */
	lastCoordinator: boolean;
	audit: AuditView[];
}

/** A caseload file larger than this is refused before anything is read (the web upload's limit is the same). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
