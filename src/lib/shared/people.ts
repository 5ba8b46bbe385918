/** People as the server hands them to the pages (server/people builds these): a young person in a list, a parent's child. */
import type { DataKind } from './domain';

export interface YouthSummary {
	id: string;
	displayName: string;
	age: number;
	guide: { id: string; displayName: string } | null;
	goalText: string | null;
}

/** One of a parent's linked young people, with what they share with the parent right now. */
export interface ChildOverview extends YouthSummary {
	custody: boolean;
	sharedKinds: DataKind[];
}
