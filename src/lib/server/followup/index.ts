export { answerCheckin, checkinOverview, followUpFlags, myCheckin, scheduleCheckins, setRhythm, stopRhythm, syncCheckins } from './checkins';
export { outcomeTables, outcomesCsv } from './outcome-tables';
export { outcomeReport, parsePeriod } from './outcomes';
export { dueDatesUntil } from './rhythm';
export { setStatus, statusOverview } from './status';
