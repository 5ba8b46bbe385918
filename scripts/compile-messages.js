// Compiles the translations in messages/ into src/lib/paraglide (as the Vite plugin does).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.options.js';

await compile(paraglideOptions);
