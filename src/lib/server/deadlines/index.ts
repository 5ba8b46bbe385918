/**
 * Legal deadlines of the municipal youth effort (issue 21): the Danish working-day calendar, the
 * KUI rules, and the deadlines as a guide's worklist. Routes import this part only through this
 * entry. The shapes it hands the pages are typed in src/lib/shared/deadlines.ts.
 */
export { addWorkdays, isWorkday, onOrNextWorkday, workdaysBetween } from './calendar';
export { applyStatusChange, deadlineCounts, deadlinesOf, deadlinesToNotify, meetDeadline, nextDeadlines } from './deadlines';
export type { MeetProblem } from './deadlines';
export { CONTACT_WORKDAYS, KUI_AGES, OFFER_DAYS, dueDates, startsDeadlines } from './kui';
export { scheduleDeadlineNotices, sendDeadlineNotices } from './notices';
