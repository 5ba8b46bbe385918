/**
 * One load measurement with autocannon: requests per second, and latency percentiles from every
 * response's own time (autocannon's summary has no p95).
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { percentile } from './common';

export const LOAD = {
	connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
	duration: Number(process.env.BENCH_DURATION ?? 10),
	warmup: 2
};

export interface LoadResult {
	name: string;
	users: string;
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	requests: number;
	non2xx: number;
	errors: number;
	bytesPerResponse: number;
	/** The server's CPU time per request during the measurement (null where it cannot be read). */
	serverCpuMsPerRequest?: number | null;
}

export interface LoadTarget {
	name: string;
	users: string;
	url: string;
	method?: 'GET' | 'POST';
	/** Headers, body (and path) for the next request (called once per request). */
	next?: () => { headers?: Record<string, string>; body?: string; path?: string };
	headers?: Record<string, string>;
}

function run(target: LoadTarget, duration: number, collect: (ms: number) => void): Promise<autocannon.Result> {
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{
				url: target.url,
				connections: LOAD.connections,
				duration,
				headers: target.headers,
				requests: [
					{
						method: target.method ?? 'GET',
						setupRequest: (request) => {
							if (!target.next) return request;
							const { headers, body, path } = target.next();
							return { ...request, headers: { ...request.headers, ...headers }, body, ...(path ? { path } : {}) };
						}
					}
				]
			},
			(err, result) => (err ? reject(err) : resolve(result))
		);
		instance.on('response', (_client, _status, _bytes, responseTime) => collect(responseTime));
	});
}

/**
 * CPU milliseconds a process has used so far (user + system, from Linux's /proc), or null
 * elsewhere. Divided by the requests served, it says what one request costs the server: unlike
 * requests per second, it hardly moves when other work shares the machine.
 */
export function cpuMsOf(pid: number | undefined): number | null {
	if (pid === undefined) return null;
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		// utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return null;
	}
}

export async function measure(target: LoadTarget, duration = LOAD.duration, serverPid?: number): Promise<LoadResult> {
	await run(target, LOAD.warmup, () => {});
	const times: number[] = [];
	const cpuBefore = cpuMsOf(serverPid);
	const result = await run(target, duration, (ms) => times.push(ms));
	const cpuAfter = cpuMsOf(serverPid);
	return {
		serverCpuMsPerRequest:
			cpuBefore !== null && cpuAfter !== null && result.requests.total ? (cpuAfter - cpuBefore) / result.requests.total : null,
		name: target.name,
		users: target.users,
		requestsPerSecond: result.requests.total / result.duration,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		p99: percentile(times, 99),
		requests: result.requests.total,
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts,
		bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0
	};
}
