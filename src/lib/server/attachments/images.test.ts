import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import exifReader from 'exif-reader';
import { createRequire } from 'node:module';
import { encodeImage } from './images';
import { decodeHeic } from './heic-worker';
import { heicPhoto, photoWithGps, png } from '../attachment-files.testing';

describe('photos are encoded again', () => {
	it('a JPEG with a GPS position and the phone’s name comes out without any EXIF', async () => {
		const sent = await photoWithGps();
		const before = exifReader((await sharp(sent).metadata()).exif!);
		expect(before.GPSInfo?.GPSLatitudeRef).toBe('N');
		expect(before.Image?.Make).toBe('TestPhone');

		const out = await encodeImage(sent, 'jpeg');
		const meta = await sharp(out.bytes).metadata();
		expect(meta.format).toBe('jpeg');
		expect(meta.exif).toBeUndefined();
		expect(meta.xmp).toBeUndefined();
		expect(out.bytes.includes(Buffer.from('TestPhone'))).toBe(false);
		expect((await sharp(out.preview).metadata()).exif).toBeUndefined();
		expect([out.width, out.height]).toEqual([640, 480]);
	});

	it('scales a large photo to 2,048 px on its longest side and makes a preview of at most 320 px', async () => {
		const out = await encodeImage(await photoWithGps(3000, 4000), 'jpeg');
		expect([out.width, out.height]).toEqual([1536, 2048]);
		expect([out.previewWidth, out.previewHeight]).toEqual([240, 320]);
		const preview = await sharp(out.preview).metadata();
		expect([preview.width, preview.height, preview.format]).toEqual([240, 320, 'jpeg']);
	});

	it('turns an iPhone’s HEIC photo into a JPEG', async () => {
		const out = await encodeImage(heicPhoto(), 'heic');
		expect(out.mime).toBe('image/jpeg');
		expect([out.width, out.height]).toEqual([640, 480]);
		expect((await sharp(out.bytes).metadata()).format).toBe('jpeg');
	});

	it('keeps a PNG a PNG (screenshots stay sharp)', async () => {
		const out = await encodeImage(await png(), 'png');
		expect(out.mime).toBe('image/png');
		expect((await sharp(out.bytes).metadata()).format).toBe('png');
	});

	it('throws for a broken photo: the start of a JPEG and nothing more, or a HEIC cut in half', async () => {
		const whole = await photoWithGps();
		await expect(encodeImage(whole.subarray(0, 400), 'jpeg')).rejects.toThrow();
		const heic = heicPhoto();
		await expect(encodeImage(heic.subarray(0, heic.length / 2), 'heic')).rejects.toThrow();
	});
});

describe('HEIC is decoded off the main thread', () => {
	it('decodes on a worker: the pixels come back, and heic-decode was never loaded on this thread', async () => {
		const image = await decodeHeic(heicPhoto());
		expect([image.width, image.height, image.data.length]).toEqual([640, 480, 640 * 480 * 4]);
		const require = createRequire(import.meta.url);
		// A 12-megapixel photo blocks the thread that decodes it for about 1.8 s.
		expect(require.cache[require.resolve('heic-decode')]).toBeUndefined();
	});

	it('a HEIC file that does not decode is an error, not a crash', async () => {
		const heic = heicPhoto();
		await expect(decodeHeic(heic.subarray(0, 200))).rejects.toThrow(/HEIC/);
	});
});
