/**
 * Everything the app shell's PWA component needs in the browser, as one chunk it loads after
 * the page has hydrated (Workbox's window part, IndexedDB, Web Push).
 */
export { activateUpdate, onWorkerMessage, registerWorker, savedAtOf, tellWorker } from './worker';
export { clearOutbox, flushOutbox, listOutbox } from './outbox';
export { refreshSubscription } from './push';
