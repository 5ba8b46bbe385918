/**
 * Follow-up and outcomes: check-in rhythms and answers, the young person's status with its
 * history, and the coordinator's outcome figures and CSV. Routes import this part only through
 * this entry.
 * The shapes it hands the pages are typed in src/lib/shared/followup.ts.
 */
export { answerCheckin, checkinOverview, followUpFlags, markFollowedUp, myCheckin } from './checkins';
export { scheduleCheckins, setRhythm, stopRhythm, syncCheckins } from './schedules';
export { outcomeTables, outcomesCsv } from './outcome-tables';
export { outcomeReport, parsePeriod } from './outcomes';
export { dueDatesUntil, LOW_SCORE, MAX_ANSWER_WINDOW_DAYS } from './rhythm';
export { importStatus, setStatus, statusOverview } from './status';
export { followUpDeadline, lowAnswersWithoutFollowUp } from './escalation';
export { censusBand, censusDateFor, countCensus, officialCategory } from './census';
