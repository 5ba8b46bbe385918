/**
 * Transparency for the young person (docs/product.md rule 6): who has looked at my data, and
 * download my data. Routes import this part only through this entry.
 * The shapes it hands the pages are typed in src/lib/shared/privacy.ts.
 */
export { exportMyData, whoHasLooked } from './transparency';
