/**
 * The deadlines of the municipal youth effort (KUI) for a young person outside education, in one
 * place.
 *
 * Source: lov om kommunal indsats for unge under 25 år (LBK nr. 953 af 12/08/2024), and the
 * Ministry of Children and Education's guidance on vejledning af unge uden for skolen: a young
 * person aged 15–17 who is outside education, work or another activity in their plan is to be
 * contacted within 5 working days, and offered a new activity within 30 days.
 *
 * The start is the status change that says so: the guide sets the status "no attachment" ('no_attachment')
 * for a young person of 15, 16 or 17 on that day, from any other status. Counting follows Danish
 * deadline practice (calendar.ts): from the day after the event; 5 working days for the contact;
 * 30 calendar days for the offer, moved to the next working day when the 30th day is closed.
 */
import type { DeadlineKind, YouthStatus } from '../db/schema';
import { addDaysIso } from '../dates';
import { addWorkdays, onOrNextWorkday } from './calendar';

export const KUI_AGES = { from: 15, to: 17 } as const;
export const CONTACT_WORKDAYS = 5;
export const OFFER_DAYS = 30;

/**
 * The statuses that mean the young person is in an activity again: the offer was taken up. Work
 * counts whatever the hours: a job is an activity, even one under the count's 18 hours a week.
 */
export const ATTACHED_STATUSES: ReadonlySet<YouthStatus> = new Set(['youth_education', 'preparatory', 'work', 'completed_youth_education']);

/** Does this status change start the deadlines for a young person of this age? */
export function startsDeadlines(previous: YouthStatus | null, next: YouthStatus, age: number): boolean {
	return next === 'no_attachment' && previous !== 'no_attachment' && age >= KUI_AGES.from && age <= KUI_AGES.to;
}

/** The due date of each deadline started on the date `startedOn`. */
export function dueDates(startedOn: string): Record<DeadlineKind, string> {
	return {
		contact: addWorkdays(startedOn, CONTACT_WORKDAYS),
		offer: onOrNextWorkday(addDaysIso(startedOn, OFFER_DAYS))
	};
}
