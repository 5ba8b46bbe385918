export { latestEventId, openConversation } from './conversations';
export { openEventStream, parseEventId } from './event-stream';
export { apiError, markReadFromForm, readInput, readJsonRequest, sendFromForm } from './http';
export { listInbox, unreadCount } from './inbox';
export { markRead, sendInput, sendMessage } from './send';
