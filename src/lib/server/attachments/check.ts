/**
 * What a sent file is, by its content: a photo (JPEG, PNG, HEIC from a phone) or a PDF, at most
 * ATTACHMENT_MAX_BYTES. The content decides (file-type reads its magic numbers); a name or a type
 * the browser gave that says something else is a file that lies about its type, and is refused.
 */
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_MAX_BYTES, type AttachmentError } from '../../shared/attachments';

/** The kinds of file taken, as their content shows them. */
export type ContentKind = 'jpeg' | 'png' | 'heic' | 'pdf';

const BY_EXTENSION: Record<string, ContentKind> = {
	jpg: 'jpeg',
	jpeg: 'jpeg',
	jfif: 'jpeg',
	png: 'png',
	heic: 'heic',
	heif: 'heic',
	pdf: 'pdf'
};

const BY_MIME: Record<string, ContentKind> = {
	'image/jpeg': 'jpeg',
	'image/jpg': 'jpeg',
	'image/pjpeg': 'jpeg',
	'image/png': 'png',
	'image/heic': 'heic',
	'image/heif': 'heic',
	'image/heic-sequence': 'heic',
	'image/heif-sequence': 'heic',
	'application/pdf': 'pdf'
};

/**
 * What the sender's name and type say the file is: a kind we take, 'other' for a type we do not
 * take, null when they say nothing (no extension, no type, or the browser's generic one).
 */
export function declaredKind(name: string, type: string): ContentKind | 'other' | null {
	const extension = /\.([a-z0-9]{1,10})$/i.exec(name)?.[1]?.toLowerCase();
	if (extension) return BY_EXTENSION[extension] ?? 'other';
	const mime = type.split(';')[0]!.trim().toLowerCase();
	if (!mime || mime === 'application/octet-stream') return null;
	return BY_MIME[mime] ?? 'other';
}

/** The file's kind by its content; null for anything we do not take. */
export async function contentKind(bytes: Uint8Array): Promise<ContentKind | null> {
	const found = await fileTypeFromBuffer(bytes);
	if (!found) return null;
	if (found.mime === 'application/pdf' || found.ext === 'pdf') return 'pdf';
	return BY_MIME[found.mime] ?? null;
}

/**
 * A PDF's frame: the header at the start and the end-of-file marker near the end. A file cut
 * short in sending, or something else with a PDF header glued on, lacks the end.
 */
export function isWholePdf(bytes: Uint8Array): boolean {
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
	const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
	return /^%PDF-\d\.\d/.test(head) && tail.includes('%%EOF');
}

export type CheckedFile = { ok: true; kind: ContentKind } | { ok: false; error: AttachmentError };

/** Checks a sent file's size, type by content, and that its name and type do not lie. */
export async function checkFile(bytes: Uint8Array, name: string, type: string): Promise<CheckedFile> {
	if (bytes.length > ATTACHMENT_MAX_BYTES) return { ok: false, error: 'attachment_too_large' };
	if (bytes.length === 0) return { ok: false, error: 'attachment_broken' };
	const kind = await contentKind(bytes);
	const declared = declaredKind(name, type);
	if (!kind) return { ok: false, error: declared === null || declared === 'other' ? 'attachment_type' : 'attachment_mismatch' };
	if (declared !== null && declared !== kind) return { ok: false, error: 'attachment_mismatch' };
	if (kind === 'pdf' && !isWholePdf(bytes)) return { ok: false, error: 'attachment_broken' };
	return { ok: true, kind };
}
