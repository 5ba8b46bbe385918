/**
 * Transparency for the young person (docs/product.md rule 6): who has looked at my data, and
 * download my data; and the public privacy notice's facts (issue 20). Routes import this part only
 * through this entry.
 * The shapes it hands the pages are typed in src/lib/shared/privacy.ts.
 */
export { downloadMyData, exportMyData, whoHasLooked } from './transparency';
export { readableMyData } from './readable';
export { publicInfo } from './notice';
