/**
 * Everything the app shell's PWA component needs in the browser, as one chunk it loads after
 * the page has hydrated (the service worker's registration, IndexedDB). Web Push (./push) is
 * loaded only where this device has allowed notifications.
 */
export { activateUpdate, onWorkerMessage, registerWorker, savedAtOf, tellWorker } from './worker';
export { clearOutbox, flushOutbox, listOutbox } from './outbox';
export { tryUntilDone } from './retry';
