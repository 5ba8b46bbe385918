// The browser tests' server: the built app on a fresh database (the previous run's is removed),
// so every run starts from the demo seed.
import { rmSync } from 'node:fs';

const path = process.env.DATABASE_PATH ?? './data/e2e.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
await import('./serve.js');
