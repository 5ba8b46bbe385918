/** Message attachments as both sides see them: the limits and the view of one attachment. */

/** The largest file taken, in bytes (10 MB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The longest side of a stored image, and of its preview, in pixels. */
export const IMAGE_MAX_SIDE = 2048;
export const PREVIEW_MAX_SIDE = 320;
/** What the file picker offers: photos from the camera or the gallery, and PDFs. */
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,.heic,.heif,application/pdf';

export const ATTACHMENT_ERRORS = ['attachment_type', 'attachment_too_large', 'attachment_mismatch', 'attachment_broken'] as const;
export type AttachmentError = (typeof ATTACHMENT_ERRORS)[number];

export interface AttachmentView {
	id: string;
	kind: 'image' | 'pdf';
	name: string;
	/** Bytes. */
	size: number;
	width: number | null;
	height: number | null;
	previewWidth: number | null;
	previewHeight: number | null;
}

/** Where the file is fetched (through the policy, every time). */
export function attachmentUrl(id: string, preview = false): string {
	return `/api/attachments/${id}${preview ? '?preview' : ''}`;
}
