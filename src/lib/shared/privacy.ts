/** Transparency as the server hands it to the young person's pages (server/privacy builds it). */
import type { Department, Role } from './domain';

/** One read of the young person's data by someone else, from the access log. */
export interface AccessEntry {
	id: string;
	name: string;
	role: Role;
	department: Department | null;
	resource: string;
	createdAt: Date;
}
