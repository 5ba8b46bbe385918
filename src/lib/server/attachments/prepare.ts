/**
 * A sent file made ready to be stored with its message: checked, re-encoded when it is a photo,
 * and written under DATA_DIR. Its row is inserted with the message (messages/send.ts), in the
 * same transaction; a send that then stores nothing removes the files again.
 */
import { newId } from '../ids';
import type { AttachmentError } from '../../shared/attachments';
import { checkFile } from './check';
import { encodeImage } from './images';
import { removeFiles, writeFiles } from './files';

/** A file as it came in a form (a File's parts, so tests need no File). */
export interface IncomingFile {
	name: string;
	type: string;
	bytes: Uint8Array;
}

/** What the message's row for the attachment needs; the files are on disk already. */
export interface PreparedAttachment {
	id: string;
	kind: 'image' | 'pdf';
	mime: string;
	name: string;
	size: number;
	width: number | null;
	height: number | null;
	previewWidth: number | null;
	previewHeight: number | null;
}

/** A file name as shown and given back on download: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string, fallback: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
	const CONTROL = /[\u0000-\u001f\u007f"]/g;
	const clean = base.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
	return [...(clean || fallback)].slice(0, 120).join('');
}

/** An image's name after re-encoding: a HEIC photo is a JPEG now. */
function storedName(name: string, mime: string): string {
	if (mime !== 'image/jpeg' || /\.jpe?g$/i.test(name)) return name;
	return `${name.replace(/\.[a-z0-9]{1,10}$/i, '')}.jpg`;
}

export type PrepareResult = { ok: true; attachment: PreparedAttachment } | { ok: false; error: AttachmentError };

/** Checks, re-encodes and writes one file; nothing is written when it is refused. */
export async function prepareAttachment(file: IncomingFile): Promise<PrepareResult> {
	const checked = await checkFile(file.bytes, file.name, file.type);
	if (!checked.ok) return checked;
	const id = newId();
	if (checked.kind === 'pdf') {
		writeFiles(id, file.bytes);
		const name = cleanFileName(file.name, 'dokument.pdf');
		const attachment = { id, kind: 'pdf' as const, mime: 'application/pdf', name, size: file.bytes.length };
		return { ok: true, attachment: { ...attachment, width: null, height: null, previewWidth: null, previewHeight: null } };
	}
	let image;
	try {
		image = await encodeImage(file.bytes, checked.kind);
	} catch {
		return { ok: false, error: 'attachment_broken' };
	}
	writeFiles(id, image.bytes, image.preview);
	return {
		ok: true,
		attachment: {
			id,
			kind: 'image',
			mime: image.mime,
			name: storedName(cleanFileName(file.name, 'foto.jpg'), image.mime),
			size: image.bytes.length,
			width: image.width,
			height: image.height,
			previewWidth: image.previewWidth,
			previewHeight: image.previewHeight
		}
	};
}

/** A prepared attachment whose message was not stored (refused, or sent before). */
export function discardAttachment(attachment: PreparedAttachment) {
	removeFiles(attachment.id);
}
