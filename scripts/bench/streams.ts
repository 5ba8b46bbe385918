/**
 * Live delivery under load: many event streams (/api/events) held open at once, and messages
 * sent to their owners through POST /api/messages. Measured with our own timers: from just
 * before the send until the message's event is read off the receiver's stream.
 */
import http from 'node:http';
import { percentile } from './common';
import type { Pair } from './accounts';

export interface StreamResult {
	streams: number;
	connectSeconds: number;
	sends: number;
	arrived: number;
	lost: number;
	sendP50: number;
	sendP95: number;
	arrivalP50: number;
	arrivalP95: number;
	arrivalP99: number;
	arrivalMax: number;
}

interface OpenStream {
	close(): void;
	ready: Promise<void>;
}

/** Opens one event stream and calls `onMessage` with each message event's client id. */
function openStream(origin: string, agent: http.Agent, cookie: string, onMessage: (clientId: string) => void): OpenStream {
	let request: http.ClientRequest | undefined;
	const ready = new Promise<void>((resolve, reject) => {
		request = http.get(`${origin}/api/events`, { agent, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
			if (res.statusCode !== 200) return reject(new Error(`event stream: HTTP ${res.statusCode}`));
			res.setEncoding('utf8');
			let buffer = '';
			res.on('data', (chunk: string) => {
				buffer += chunk;
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const lines = block.split('\n');
					const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
					const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
					// The unread count comes once on connect: the stream is then in place.
					if (event === 'unread') resolve();
					if (event === 'message' && data) onMessage((JSON.parse(data) as { message: { clientId: string } }).message.clientId);
				}
			});
			res.on('error', () => {});
		});
		request.on('error', reject);
	});
	return { ready, close: () => request?.destroy() };
}

/** Opens a stream for every pair's receiver, sends `sends` messages at `perSecond`, and times their arrival. */
export async function measureStreams(origin: string, pairs: Pair[], options: { sends: number; perSecond: number }): Promise<StreamResult> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
	const waiting = new Map<string, number>();
	const arrivals: number[] = [];
	const onMessage = (clientId: string) => {
		const sentAt = waiting.get(clientId);
		if (sentAt === undefined) return;
		waiting.delete(clientId);
		arrivals.push(performance.now() - sentAt);
	};
	const started = performance.now();
	const streams: OpenStream[] = [];
	// Open them in batches, as tabs would come and go, rather than all in one instant.
	for (let i = 0; i < pairs.length; i += 50) {
		const batch = pairs.slice(i, i + 50).map((p) => openStream(origin, agent, p.receiver.cookie, onMessage));
		streams.push(...batch);
		await Promise.all(batch.map((s) => s.ready));
	}
	const connectSeconds = (performance.now() - started) / 1000;

	const sendTimes: number[] = [];
	let failed = 0;
	const sendOne = async (n: number) => {
		const pair = pairs[(n * 7919) % pairs.length]!;
		const clientId = `bench-live-${process.pid}-${n}`;
		const t0 = performance.now();
		waiting.set(clientId, t0);
		let status: number | string;
		try {
			const res = await fetch(`${origin}/api/messages`, {
				method: 'POST',
				headers: { cookie: pair.sender.cookie, 'content-type': 'application/json', origin },
				body: JSON.stringify({ clientId, body: `Bench ${n}: er du der?`, youthId: pair.youthId }),
				signal: AbortSignal.timeout(30_000)
			});
			await res.arrayBuffer();
			status = res.status;
		} catch (e) {
			status = e instanceof Error ? e.message : String(e);
		}
		sendTimes.push(performance.now() - t0);
		if (status !== 201) {
			failed++;
			waiting.delete(clientId);
			if (failed <= 5) console.error(`  send ${n}: ${status}`);
		}
	};
	const inFlight: Promise<void>[] = [];
	for (let n = 0; n < options.sends; n++) {
		inFlight.push(sendOne(n));
		await new Promise((r) => setTimeout(r, 1000 / options.perSecond));
	}
	await Promise.all(inFlight);
	// Whatever has not come within ten seconds counts as lost.
	const deadline = Date.now() + 10_000;
	while (waiting.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
	const lost = waiting.size + failed;
	for (const s of streams) s.close();
	agent.destroy();
	return {
		streams: streams.length,
		connectSeconds,
		sends: options.sends,
		arrived: arrivals.length,
		lost,
		sendP50: percentile(sendTimes, 50),
		sendP95: percentile(sendTimes, 95),
		arrivalP50: percentile(arrivals, 50),
		arrivalP95: percentile(arrivals, 95),
		arrivalP99: percentile(arrivals, 99),
		arrivalMax: Math.max(...arrivals)
	};
}
