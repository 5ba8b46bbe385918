/**
 * Photos are never stored as sent: each is decoded and encoded again with sharp (libvips), which
 * drops EXIF and with it GPS positions and the phone's name, turns the picture the way the phone
 * held it, and scales it to at most 2,048 px on its longest side; a small preview is made beside
 * it. A file that does not decode as the image it claims to be is broken.
 *
 * sharp's prebuilt libvips reads HEIF only with AV1 (AVIF): HEIC from iPhones (HEVC) is decoded
 * by heic-decode (libheif compiled to WebAssembly, on a worker thread: heic-worker.ts) and handed to
 * sharp as raw pixels.
 */
import sharp, { type Sharp } from 'sharp';
import { IMAGE_MAX_SIDE, PREVIEW_MAX_SIDE } from '../../shared/attachments';
import type { ContentKind } from './check';
import { decodeHeic } from './heic-worker';

export interface EncodedImage {
	bytes: Buffer;
	mime: 'image/jpeg' | 'image/png';
	width: number;
	height: number;
	preview: Buffer;
	previewWidth: number;
	previewHeight: number;
}

/** More pixels than any phone camera makes: a "decompression bomb" is refused before decoding. */
const MAX_INPUT_PIXELS = 100_000_000;

async function decoded(bytes: Uint8Array, kind: ContentKind): Promise<Sharp> {
	const options = { failOn: 'error' as const, limitInputPixels: MAX_INPUT_PIXELS };
	if (kind !== 'heic') return sharp(bytes, options);
	const image = await decodeHeic(bytes);
	if (image.width * image.height > MAX_INPUT_PIXELS) throw new Error('too many pixels');
	return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
		...options,
		raw: { width: image.width, height: image.height, channels: 4 }
	});
}

/** Re-encodes a photo (JPEG stays JPEG, HEIC becomes JPEG, PNG stays PNG); throws when it is broken. */
export async function encodeImage(bytes: Uint8Array, kind: Exclude<ContentKind, 'pdf'>): Promise<EncodedImage> {
	const image = (await decoded(bytes, kind))
		.rotate() // as the phone held it (EXIF orientation), before the metadata goes
		.resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
	const png = kind === 'png';
	// sharp writes no metadata unless asked (keepExif/withMetadata): EXIF, XMP and GPS are gone.
	const full = await (png ? image.png({ compressionLevel: 9 }) : image.jpeg({ quality: 82, mozjpeg: true })).toBuffer({
		resolveWithObject: true
	});
	const preview = await sharp(full.data)
		.resize({ width: PREVIEW_MAX_SIDE, height: PREVIEW_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
		.flatten({ background: '#ffffff' })
		.jpeg({ quality: 70, mozjpeg: true })
		.toBuffer({ resolveWithObject: true });
	return {
		bytes: full.data,
		mime: png ? 'image/png' : 'image/jpeg',
		width: full.info.width,
		height: full.info.height,
		preview: preview.data,
		previewWidth: preview.info.width,
		previewHeight: preview.info.height
	};
}
