/**
 * Message attachments' files: photos and PDFs (issue 17). Checked by content, photos re-encoded
 * without their metadata, kept as files under DATA_DIR. Who may fetch one is the messages part's
 * question (messages/attachment-access.ts).
 */
export { cleanFileName, prepareAttachment, discardAttachment, type IncomingFile, type PreparedAttachment } from './prepare';
export { readStoredFile, storedIds, type Variant } from './files';
export { scheduleAttachmentSweep, sweepAttachmentFiles } from './sweep';
