// Renders every icon from the one source image, scripts/icon/minvej-mark.svg (the mark on a
// transparent 64×64 canvas), onto the brand colour:
//   static/favicon.svg                 rounded square, for the browser tab
//   static/icons/icon-192.png, -512    rounded square ("any" purpose) for the manifest
//   static/icons/maskable-512.png      full-bleed square; the mark inside the central safe zone
//                                      (a circle of 80 % of the width) so any mask shape keeps it
//   static/icons/apple-touch-icon.png  180 px full square (iOS rounds the corners itself)
// Run: node scripts/render-icons.js (the PNGs are committed; run again after changing the mark).
import { readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

const BRAND = '#0b5d4b';
const source = readFileSync(new URL('./icon/minvej-mark.svg', import.meta.url), 'utf8');
const mark = source
	.replace(/^[\s\S]*?<svg[^>]*>/, '')
	.replace(/<\/svg>\s*$/, '')
	.replace(/<!--[\s\S]*?-->/g, '')
	.replace(/>\s+</g, '><')
	.trim();

/** The mark on a 64×64 background, scaled by `scale` around the centre. */
function compose({ rounded, scale }) {
	const offset = (64 - 64 * scale) / 2;
	return [
		'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">',
		`<rect width="64" height="64"${rounded ? ' rx="14"' : ''} fill="${BRAND}"/>`,
		`<g transform="translate(${offset} ${offset}) scale(${scale})">${mark}</g>`,
		'</svg>'
	].join('');
}

async function png(svg, size, file) {
	await sharp(Buffer.from(svg), { density: Math.ceil((72 * size) / 64) })
		.resize(size, size)
		.png({ compressionLevel: 9 })
		.toFile(file);
	console.log(`wrote ${file}`);
}

const anyPurpose = compose({ rounded: true, scale: 1 });
writeFileSync('static/favicon.svg', anyPurpose + '\n');
console.log('wrote static/favicon.svg');
await png(anyPurpose, 192, 'static/icons/icon-192.png');
await png(anyPurpose, 512, 'static/icons/icon-512.png');
// The mark spans x 11–55 and y 13–49 of 64: at 0.7 it stays well inside the 80 % safe circle.
await png(compose({ rounded: false, scale: 0.7 }), 512, 'static/icons/maskable-512.png');
await png(compose({ rounded: false, scale: 0.85 }), 180, 'static/icons/apple-touch-icon.png');
