/**
 * Messages between a young person and their guide or the youth unit (docs/product.md rule 8):
 * sending and marks, conversations, inboxes and unread counts, the live event stream, and the HTTP
 * side shared by the JSON endpoints and form actions. Routes import this part only through this
 * entry.
 * The shapes it hands the pages are typed in src/lib/shared/messages.ts.
 */
export { latestEventId, openConversation } from './conversations';
export { openEventStream, parseEventId } from './event-stream';
export { apiError, markReadFromForm, readInput, readJsonRequest, readSendRequest, sendFromForm } from './http';
export { lastMessagesOf, listInbox, unreadCount } from './inbox';
export { markRead, sendInput, sendMessage } from './send';
export { openAttachment, type OpenedAttachment } from './attachment-access';
