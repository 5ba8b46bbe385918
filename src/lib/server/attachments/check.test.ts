import { describe, expect, it } from 'vitest';
import { checkFile, declaredKind } from './check';
import { ATTACHMENT_MAX_BYTES } from '../../shared/attachments';
import { heicPhoto, pdf, photoWithGps, png } from '../attachment-files.testing';

const bytes = (b: Buffer) => new Uint8Array(b);

describe('what a file is, by its content', () => {
	it('takes a JPEG, a PNG, a HEIC photo and a PDF, whatever the browser called their type', async () => {
		expect(await checkFile(bytes(await photoWithGps()), 'IMG_0001.JPG', 'image/jpeg')).toEqual({ ok: true, kind: 'jpeg' });
		expect(await checkFile(bytes(await png()), 'skærmbillede.png', '')).toEqual({ ok: true, kind: 'png' });
		expect(await checkFile(bytes(heicPhoto()), 'IMG_0002.HEIC', '')).toEqual({ ok: true, kind: 'heic' });
		expect(await checkFile(bytes(pdf()), 'mødeplan.pdf', 'application/pdf')).toEqual({ ok: true, kind: 'pdf' });
		// No name to go by (a photo straight from the camera): the content decides.
		expect(await checkFile(bytes(await photoWithGps()), 'image', 'application/octet-stream')).toEqual({ ok: true, kind: 'jpeg' });
	});

	it('refuses another type, even one named as a photo', async () => {
		const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
		expect(await checkFile(bytes(gif), 'sjov.gif', 'image/gif')).toEqual({ ok: false, error: 'attachment_type' });
		const zip = Buffer.from('504b030414000000080000000000', 'hex');
		expect(await checkFile(bytes(zip), 'noter.zip', 'application/zip')).toEqual({ ok: false, error: 'attachment_type' });
		expect(await checkFile(bytes(Buffer.from('hej med dig')), 'noter.txt', 'text/plain')).toEqual({ ok: false, error: 'attachment_type' });
	});

	it('refuses a file that lies about its type: a PNG named .pdf, a text named .jpg, a PDF sent as image/jpeg', async () => {
		expect(await checkFile(bytes(await png()), 'kontrakt.pdf', 'application/pdf')).toEqual({ ok: false, error: 'attachment_mismatch' });
		expect(await checkFile(bytes(Buffer.from('ikke et billede')), 'foto.jpg', 'image/jpeg')).toEqual({
			ok: false,
			error: 'attachment_mismatch'
		});
		expect(await checkFile(bytes(pdf()), 'scan', 'image/jpeg')).toEqual({ ok: false, error: 'attachment_mismatch' });
		expect(await checkFile(bytes(await png()), 'program.exe', '')).toEqual({ ok: false, error: 'attachment_mismatch' });
	});

	it('refuses a file over 10 MB before looking at it, and an empty one', async () => {
		const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
		big.set(await photoWithGps());
		expect(await checkFile(big, 'stort.jpg', 'image/jpeg')).toEqual({ ok: false, error: 'attachment_too_large' });
		const exactly = new Uint8Array(ATTACHMENT_MAX_BYTES);
		exactly.set(pdf().subarray(0, 9));
		exactly.set(Buffer.from('%%EOF\n'), ATTACHMENT_MAX_BYTES - 6);
		expect(await checkFile(exactly, 'stor.pdf', 'application/pdf')).toEqual({ ok: true, kind: 'pdf' });
		expect(await checkFile(new Uint8Array(0), 'tom.pdf', '')).toEqual({ ok: false, error: 'attachment_broken' });
	});

	it('refuses a PDF cut short (its header but not its end)', async () => {
		const whole = pdf();
		expect(await checkFile(bytes(whole.subarray(0, 40)), 'halv.pdf', 'application/pdf')).toEqual({ ok: false, error: 'attachment_broken' });
	});

	it('reads the declared type from the name first, then the type', () => {
		expect(declaredKind('a.JPEG', '')).toBe('jpeg');
		expect(declaredKind('a.heif', '')).toBe('heic');
		expect(declaredKind('a', 'image/heic')).toBe('heic');
		expect(declaredKind('a', '')).toBeNull();
		expect(declaredKind('a.docx', 'application/pdf')).toBe('other');
	});
});
