// Completes package-lock.json with the other platforms' optional binaries.
//
// The npm registry this project is built against serves only some platforms' builds of a few
// packages (rollup, @lix-js/sdk, jco). `npm install` then leaves their other-platform optional
// dependencies out of the lock file, and `npm ci` refuses the lock as "not in sync". This adds
// each missing optional dependency as an entry restricted to its platform, exactly as a lock
// made against the full registry would hold it; npm skips such entries on other platforms.
// Run it after changing dependencies: `npm install && node scripts/complete-lockfile.js`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];

function platformOf(name) {
	const parts = name.split('/').pop().split('-');
	const os = parts.find((p) => OS.includes(p));
	const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('eabi') || parts.includes('gnueabihf') ? 'arm' : undefined);
	const libc = parts.includes('musl') || parts.includes('musleabihf') ? 'musl' : parts.includes('gnu') ? 'glibc' : undefined;
	return { os, cpu, libc };
}

/** Where node would find `name` from the package at `path` (its own node_modules, then upwards). */
function resolves(path, name) {
	let base = path;
	for (;;) {
		if (packages[`${base ? base + '/' : ''}node_modules/${name}`]) return true;
		if (!base) return false;
		const cut = base.lastIndexOf('/node_modules/');
		base = cut === -1 ? '' : base.slice(0, cut);
	}
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		if (resolves(path, name)) continue;
		const { os, cpu, libc } = platformOf(name);
		if (!os) {
			console.warn(`complete-lockfile: cannot tell the platform of ${name}; left out`);
			continue;
		}
		packages[`node_modules/${name}`] = {
			version,
			...(cpu ? { cpu: [cpu] } : {}),
			...(entry.dev ? { dev: true } : {}),
			...(libc ? { libc: [libc] } : {}),
			optional: true,
			os: [os]
		};
		added++;
	}
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: added ${added} platform entries`);
