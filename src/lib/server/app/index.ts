/**
 * The server process: start-up (database, pragmas, demo seed, schedulers) and the health check.
 * Routes import this part only through this entry.
 */
export { isHealthy } from './health';
export { seedDemo } from './seed';
export { startServer } from './startup';
