// Finds the Chromium the browser tests use, or says plainly how to install it.
import { existsSync } from 'node:fs';
import { findTestChromium } from './chromium-path.js';

const path = findTestChromium();
if (!existsSync(path)) {
	console.error(`
Minvej's browser tests need Chromium, and none was found at ${path}.
Install Debian's package (as root):   apt-get update && apt-get install -y chromium-headless-shell
(or chromium), or point CHROMIUM_PATH at a Chromium or Chrome binary.
(Playwright's own browser download is not used.)
`);
	process.exit(1);
}
console.log(`Browser tests use Chromium at ${path}`);
