/** The shapes the deadlines part (src/lib/server/deadlines) hands the pages. */
import type { DeadlineKind } from './domain';

/** One deadline on the young person's page. */
export interface DeadlineView {
	id: string;
	kind: DeadlineKind;
	startedOn: string;
	dueOn: string;
	metAt: Date | null;
	/** open: running; overdue: past its day, not met; met: met on time; late: met after its day. */
	state: 'open' | 'overdue' | 'met' | 'late';
	/** Working days from today to the due date (0: today; negative: overdue). */
	workdaysLeft: number;
	/** The viewer may record it met. */
	canMeet: boolean;
}

/** A young person's nearest open deadline, for a list. */
export interface NextDeadline {
	kind: DeadlineKind;
	dueOn: string;
	workdaysLeft: number;
	overdue: boolean;
}
