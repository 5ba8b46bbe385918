// Compiles the translations in messages/ into src/lib/paraglide (as the Vite plugin does).
//   node scripts/compile-messages.js [outdir] [outputStructure]
// compiles them elsewhere and in another structure ('message-modules', as a build compiles them:
// src/lib/shared/locale-split.test.ts).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.options.js';

const [outdir, outputStructure] = process.argv.slice(2);
await compile({ ...paraglideOptions, ...(outdir ? { outdir } : {}), ...(outputStructure ? { outputStructure } : {}) });
// Done: the compiler's project store (lix, in WebAssembly) leaves 30-second timers behind that held
// this process up for half a minute after the compile's 4 s (`npm run check` on a clean clone).
process.exit(0);
