// Compiles the translations in messages/ into src/lib/paraglide (as the Vite plugin does).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.options.js';

await compile(paraglideOptions);
// Done: the compiler's project store (lix, in WebAssembly) leaves 30-second timers behind that held
// this process up for half a minute after the compile's 4 s (`npm run check` on a clean clone).
process.exit(0);
