/**
 * Test support for send-race.test.ts (not part of the app): one process that sends the same
 * message many times at once into a shared database file, so that several of these processes
 * race each other through separate SQLite connections.
 *
 * Usage: node --import tsx src/lib/server/messages/send-race.ts <db> <sender> <youth> <clientId> <body> <count>
 * It prints "ready", waits for a line on stdin (so all processes start together), sends, and
 * prints the answers as one JSON line.
 */
import { createInterface } from 'node:readline';
import { openDatabase } from '../db/client';
import { useDatabase } from '../db';
import { demoUser } from '../testing';
import { sendMessage, setMessageRateLimit } from './send';

const [path = '', sender = '', youth = '', clientId = '', body = '', count = '1'] = process.argv.slice(2);
const database = openDatabase(path);
useDatabase(database);
setMessageRateLimit(100_000);
const actor = demoUser(database, sender);
const youthId = demoUser(database, youth).id;

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await new Promise((resolve) => lines.once('line', resolve));
const results = await Promise.all(Array.from({ length: Number(count) }, () => sendMessage(actor, youthId, { clientId, body })));
process.stdout.write(
	JSON.stringify(results.map((r) => (r.ok ? { id: r.message.id, seq: r.message.seq, duplicate: r.duplicate } : { error: r.error }))) + '\n'
);
lines.close();
database.$client.close();
