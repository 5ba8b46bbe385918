/** Files for the attachment tests, made with sharp (and the HEIC photo in tests/fixtures). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';

/** A JPEG as a phone writes it: EXIF with the phone's name and a GPS position (Copenhagen). */
export function photoWithGps(width = 640, height = 480): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'TestPhone', Model: 'Minvej' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '12/1 34/1 0/1' }
		})
		.toBuffer();
}

export function png(width = 64, height = 48): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
		.png()
		.toBuffer();
}

/** A 640×480 HEIC photo (encoded once with libheif's heif-enc, x265). */
export function heicPhoto(): Buffer {
	return readFileSync(resolve('tests/fixtures/photo.heic'));
}

/** A small, whole PDF. */
export function pdf(text = 'Mødeplan'): Buffer {
	return Buffer.from(
		`%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${text}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
		'latin1'
	);
}
