/**
 * Messages with a photo or PDF: stored once with their files, refused without leaving anything,
 * and fetched only by those who may read the conversation now.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import { sendMessage, setMessageRateLimit } from './send';
import { openConversation } from './conversations';
import { openAttachment } from './attachment-access';
import { accessLog, guideAssignments, messageAttachments, messages } from '../db/schema';
import { demoUser, freshDemoDatabase } from '../testing';
import { newId } from '../ids';
import { storedIds, sweepAttachmentFiles } from '../attachments';
import { heicPhoto, pdf, photoWithGps, png } from '../attachment-files.testing';
import type { Db } from '../db';
import type { SessionUser } from '../auth';

let database: Db;
let dataDir: string;
let u: Record<'freja' | 'mette' | 'jonas' | 'lone' | 'karen' | 'ali', SessionUser>;
const cid = () => crypto.randomUUID();
const file = async (name: string, bytes: Buffer | Promise<Buffer>, type = '') => ({ name, type, bytes: new Uint8Array(await bytes) });

beforeEach(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'minvej-files-'));
	process.env.DATA_DIR = dataDir;
	database = await freshDemoDatabase();
	setMessageRateLimit(10_000);
	const names = ['freja', 'mette', 'jonas', 'lone', 'karen', 'ali'] as const;
	u = Object.fromEntries(names.map((n) => [n, demoUser(database, n)])) as typeof u;
});

afterEach(() => {
	delete process.env.DATA_DIR;
	rmSync(dataDir, { recursive: true, force: true });
});

function reassign(youth: SessionUser, guide: SessionUser) {
	const now = new Date();
	database
		.update(guideAssignments)
		.set({ endedAt: now })
		.where(and(eq(guideAssignments.youthId, youth.id), isNull(guideAssignments.endedAt)))
		.run();
	database.insert(guideAssignments).values({ id: newId(), youthId: youth.id, guideId: guide.id, startedAt: now }).run();
}

async function sendPhoto(body = 'Her er mit skema') {
	const result = await sendMessage(
		u.freja,
		u.freja.id,
		{ clientId: cid(), body },
		new Date(),
		await file('IMG_0001.jpg', photoWithGps(), 'image/jpeg')
	);
	if (!result.ok) throw new Error(result.error);
	return result.message;
}

describe('sending a photo or a PDF', () => {
	it('stores the photo re-encoded with its preview, and the message shows it to both sides', async () => {
		const message = await sendPhoto();
		expect(message.attachment).toMatchObject({ kind: 'image', name: 'IMG_0001.jpg', width: 640, height: 480 });
		const id = message.attachment!.id;
		expect(storedIds(dataDir).sort()).toEqual([id]);
		expect(existsSync(join(dataDir, `${id}.preview`))).toBe(true);
		const seen = openConversation(u.mette, u.freja.id)!.current.messages.at(-1)!;
		expect(seen.attachment?.id).toBe(id);
		const opened = openAttachment(u.mette, id, 'file')!;
		expect(opened).toMatchObject({ mime: 'image/jpeg', name: 'IMG_0001.jpg', disposition: 'inline' });
		expect((await sharp(opened.bytes).metadata()).exif).toBeUndefined();
		expect(openAttachment(u.freja, id, 'preview')?.mime).toBe('image/jpeg');
	});

	it('a HEIC photo becomes a JPEG named .jpg; a PDF is kept as sent and saved, not shown', async () => {
		const heic = await sendMessage(
			u.freja,
			u.freja.id,
			{ clientId: cid(), body: '' },
			new Date(),
			await file('IMG_0002.HEIC', heicPhoto())
		);
		expect(heic.ok && heic.message.attachment).toMatchObject({ kind: 'image', name: 'IMG_0002.jpg' });
		// Sent without a text: the file's name is the message's text.
		expect(heic.ok && heic.message.body).toBe('IMG_0002.HEIC');
		const sentPdf = pdf();
		const doc = await sendMessage(u.mette, u.freja.id, { clientId: cid(), body: 'Mødeplan' }, new Date(), await file('plan.pdf', sentPdf));
		if (!doc.ok) throw new Error(doc.error);
		const opened = openAttachment(u.freja, doc.message.attachment!.id, 'file')!;
		expect(opened).toMatchObject({ mime: 'application/pdf', disposition: 'attachment' });
		expect(Buffer.compare(opened.bytes, sentPdf)).toBe(0);
		expect(openAttachment(u.freja, doc.message.attachment!.id, 'preview')).toBeNull();
	});

	it('a message with a file sent again with its client id is stored once, with one file', async () => {
		const clientId = cid();
		const send = async () => sendMessage(u.freja, u.freja.id, { clientId, body: 'Foto' }, new Date(), await file('a.png', png()));
		const results = await Promise.all([send(), send(), send()]);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(new Set(results.map((r) => r.ok && r.message.id)).size).toBe(1);
		expect(database.select().from(messages).where(eq(messages.clientId, clientId)).all()).toHaveLength(1);
		expect(database.select().from(messageAttachments).all()).toHaveLength(1);
		const later = await send();
		expect(later.ok && later.duplicate).toBe(true);
		expect(storedIds(dataDir)).toHaveLength(1);
	});

	it('refuses another type, a lying file and a broken photo with their own errors, storing nothing', async () => {
		const before = database.select().from(messages).all().length;
		const cases: [string, Buffer | Promise<Buffer>, string][] = [
			['noter.txt', Buffer.from('hej'), 'attachment_type'],
			['kontrakt.pdf', png(), 'attachment_mismatch'],
			['IMG_0003.jpg', photoWithGps().then((b) => b.subarray(0, 300)), 'attachment_broken']
		];
		for (const [name, bytes, error] of cases) {
			const result = await sendMessage(u.freja, u.freja.id, { clientId: cid(), body: 'Se her' }, new Date(), await file(name, bytes));
			expect(result).toEqual({ ok: false, error });
		}
		expect(database.select().from(messages).all()).toHaveLength(before);
		expect(storedIds(dataDir)).toEqual([]);
	});

	it('a file that cannot be sent by someone who may not write leaves nothing behind', async () => {
		const result = await sendMessage(u.karen, u.freja.id, { clientId: cid(), body: 'Hej' }, new Date(), await file('a.png', png()));
		expect(result).toEqual({ ok: false, error: 'not_found' });
		expect(storedIds(dataDir)).toEqual([]);
	});
});

describe('who may fetch an attachment', () => {
	it('the young person and their guide; not a parent, a caseworker, another guide, or the coordinator while there is a guide', async () => {
		const id = (await sendPhoto()).attachment!.id;
		expect(openAttachment(u.freja, id, 'file')).not.toBeNull();
		expect(openAttachment(u.mette, id, 'file')).not.toBeNull();
		for (const other of [u.karen, u.ali, u.jonas, u.lone]) {
			expect(openAttachment(other, id, 'file')).toBeNull();
			expect(openAttachment(other, id, 'preview')).toBeNull();
		}
	});

	it('a former guide cannot fetch it once the young person has a new guide; the new guide neither (another conversation)', async () => {
		const id = (await sendPhoto()).attachment!.id;
		reassign(u.freja, u.jonas);
		expect(openAttachment(u.mette, id, 'file')).toBeNull();
		expect(openAttachment(u.jonas, id, 'file')).toBeNull();
		// The young person keeps their earlier conversation, read-only, with its files.
		expect(openAttachment(u.freja, id, 'file')).not.toBeNull();
	});

	it('the guide’s fetch is on the young person’s access log; the young person’s own is not', async () => {
		const id = (await sendPhoto()).attachment!.id;
		const logged = () =>
			database
				.select()
				.from(accessLog)
				.where(and(eq(accessLog.youthId, u.freja.id), eq(accessLog.actorId, u.mette.id)))
				.all().length;
		const before = logged();
		openAttachment(u.freja, id, 'file');
		expect(logged()).toBe(before);
		openAttachment(u.mette, id, 'file');
		expect(logged()).toBe(before + 1);
	});

	it('an unknown id is not found', () => {
		expect(openAttachment(u.freja, 'aaaaaaaaaaaaaaaaaaaaaaaa', 'file')).toBeNull();
	});
});

describe('files without a row', () => {
	it('are swept after an hour (a young person deleted with their messages); files in use are kept', async () => {
		const kept = (await sendPhoto()).attachment!.id;
		const orphan = (await sendPhoto('to be deleted')).attachment!.id;
		database.delete(messages).where(eq(messages.body, 'to be deleted')).run();
		expect(sweepAttachmentFiles(Date.now())).toBe(0); // too new: a send may be under way
		expect(sweepAttachmentFiles(Date.now() + 2 * 60 * 60_000)).toBe(2);
		expect(storedIds(dataDir)).toEqual([kept]);
		expect(existsSync(join(dataDir, `${orphan}.preview`))).toBe(false);
	});
});
