/**
 * Guides: the directory and loads, requests for a guide (pick, propose someone, change), the
 * weekly visitation with its decisions, and the guide's own profile. Routes import this part only
 * through this entry.
 * The shapes it hands the pages are typed in src/lib/shared/guides.ts.
 */
export { currentGuide, guideDirectory, guideName, guidesForVisitation, importAssignment, startInvitedGuide } from './directory';
export { handOver, handoverView, TO_QUEUE } from './handover';
export type { HandoverProblem, HandoverResult } from './handover';
export { guideAnswerTime, ownProfile, ownWorkingTime, reachTimes, updateOwnProfile, updateWorkingTime } from './profiles';
export { expectAnswer } from './answer-time';
export type { AnswerExpectation } from './answer-time';
export { handoverNews, markGuideNewsSeen, parentRequests, unseenGuideNews, youthRequests } from './request-views';
export { answerSuggestion, maySendRequest, requestFields, sendRequest, withdrawRequest } from './requests';
export { approveRequest, declineRequest, requestForDecision, suggestGuide, visitationQueue } from './visitation';
export type { DecisionResult } from './visitation';
