/**
 * Transparency for the young person (docs/product.md rule 6): who has looked at my data, and
 * download my data. Routes import this part only through this entry.
 */
export { exportMyData, whoHasLooked } from './transparency';
