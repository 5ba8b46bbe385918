/**
 * The crash test's ledger (what the writers sent and which answers came back) and the checks of
 * the database against it: every acknowledged write there exactly once, nothing refused there,
 * a write without an answer there whole or not at all.
 */
import { openDatabase } from '../fuzz/server';

export interface Sent {
	sender: string;
	/** The young person whose conversation (null: the sender's own). */
	youth: string | null;
	clientId: string;
	body: string;
	/** acked: a 2xx answer arrived; refused: another answer; unknown: none (the server died). */
	state: 'acked' | 'refused' | 'unknown';
	status?: number;
	round: number;
	retried?: boolean;
}

export interface ConsentOp {
	action: 'give' | 'withdraw';
	state: Sent['state'];
}

/** One young person's consent to one department, changed by one writer, one change at a time. */
export interface Chain {
	youth: string;
	youthId: string;
	recipient: string;
	wording: string;
	rounds: { before: number; next: 'give' | 'withdraw'; ops: ConsentOp[] }[];
}

interface MessageRow {
	id: string;
	sender_id: string;
	client_id: string;
	body: string;
	thread_id: string;
	seq: number;
	youth_id: string;
}

/** Problems with the messages ([] when every rule holds). */
export function verifyMessages(dbPath: string, ids: Record<string, string>, sent: Sent[]): string[] {
	const db = openDatabase(dbPath);
	try {
		const problems: string[] = [];
		const rows = db
			.prepare(
				"select m.id, m.sender_id, m.client_id, m.body, m.thread_id, m.seq, t.youth_id from messages m join message_threads t on t.id = m.thread_id where m.client_id like 'crash-%'"
			)
			.all() as MessageRow[];
		const byClient = new Map<string, MessageRow[]>();
		for (const row of rows)
			byClient.set(`${row.sender_id}:${row.client_id}`, [...(byClient.get(`${row.sender_id}:${row.client_id}`) ?? []), row]);
		for (const entry of sent) {
			const found = byClient.get(`${ids[entry.sender]}:${entry.clientId}`) ?? [];
			const what = `${entry.clientId} from ${entry.sender} (${entry.state}${entry.status ? ` ${entry.status}` : ''})`;
			if (entry.state === 'acked' && found.length !== 1) problems.push(`${what}: stored ${found.length} times`);
			if (entry.state === 'refused' && found.length) problems.push(`${what}: refused but stored`);
			if (entry.state === 'unknown' && found.length > 1) problems.push(`${what}: stored ${found.length} times`);
			for (const row of found) {
				if (row.body !== entry.body) problems.push(`${what}: stored with another text`);
				if (row.youth_id !== ids[entry.youth ?? entry.sender]) problems.push(`${what}: in another young person's conversation`);
			}
		}
		const bodies = new Map<string, number>();
		for (const row of rows) bodies.set(row.body, (bodies.get(row.body) ?? 0) + 1);
		for (const [body, n] of bodies) if (n > 1) problems.push(`"${body}" stored ${n} times`);

		// Whole or not at all: each message has its event, each thread's order has no gap or double.
		const gaps = db
			.prepare(
				'select t.id, t.last_seq, count(m.id) as n, coalesce(max(m.seq), 0) as top, count(distinct m.seq) as distinct_seq from message_threads t left join messages m on m.thread_id = t.id group by t.id having n <> last_seq or top <> last_seq or distinct_seq <> n'
			)
			.all();
		for (const gap of gaps) problems.push(`thread with a broken order: ${JSON.stringify(gap)}`);
		const eventless = db
			.prepare(
				"select m.id, (select count(*) from message_events e where e.message_id = m.id and e.kind = 'message' and e.seq = m.seq) as events from messages m where m.client_id like 'crash-%' and events <> 1"
			)
			.all();
		for (const m of eventless) problems.push(`message without exactly one event: ${JSON.stringify(m)}`);
		return problems;
	} finally {
		db.close();
	}
}

/** Problems with the consent records of each chain's last round ([] when every rule holds). */
export function verifyConsentChains(dbPath: string, chains: Chain[], recordsOf: (chain: Chain) => string[]): string[] {
	const problems: string[] = [];
	for (const chain of chains) {
		const round = chain.rounds.at(-1)!;
		const added = recordsOf(chain).slice(round.before);
		const acked = round.ops.filter((o) => o.state === 'acked').map((o) => o.action);
		const open = round.ops.filter((o) => o.state === 'unknown').map((o) => o.action);
		const allowed = [acked, ...open.map((action) => [...acked, action])].map((list) => list.join(','));
		if (!allowed.includes(added.join(','))) {
			problems.push(`${chain.youth} ${chain.recipient}: records [${added}] for acknowledged [${acked}] and unanswered [${open}]`);
		}
	}
	const db = openDatabase(dbPath);
	try {
		const half = db
			.prepare(
				"select id, action from consent_records where wording_text = '' or wording_version = '' or json_array_length(data_kinds) = 0 or actor_id is null"
			)
			.all();
		for (const record of half) problems.push(`an incomplete consent record: ${JSON.stringify(record)}`);
	} finally {
		db.close();
	}
	return problems;
}
