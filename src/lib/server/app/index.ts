export { isHealthy } from './health';
export { seedDemo } from './seed';
export { startServer } from './startup';
