export { exportMyData, whoHasLooked } from './transparency';
