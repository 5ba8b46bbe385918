import { describe, expect, it } from 'vitest';
import { RETRY_PAUSES_MS, tryUntilDone } from './retry';

/** A wait that only records the pause asked for. */
function recordedWaits() {
	const waited: number[] = [];
	return { waited, wait: async (ms: number) => void waited.push(ms) };
}

describe('tryUntilDone', () => {
	it('tries once when the first try is done', async () => {
		const { waited, wait } = recordedWaits();
		let tries = 0;
		expect(await tryUntilDone(async () => (++tries, true), { wait })).toBe(true);
		expect(tries).toBe(1);
		expect(waited).toEqual([]);
	});

	it('tries again after growing pauses while a try fails or throws, until one is done', async () => {
		const { waited, wait } = recordedWaits();
		const answers = [false, 'throw', false, true];
		let tries = 0;
		const attempt = async () => {
			const answer = answers[tries++];
			if (answer === 'throw') throw new TypeError('Failed to fetch');
			return answer as boolean;
		};
		expect(await tryUntilDone(attempt, { wait })).toBe(true);
		expect(tries).toBe(4);
		expect(waited).toEqual(RETRY_PAUSES_MS.slice(0, 3));
	});

	it('gives up after the last pause', async () => {
		const { waited, wait } = recordedWaits();
		let tries = 0;
		expect(await tryUntilDone(async () => (++tries, false), { wait, pauses: [10, 20] })).toBe(false);
		expect(tries).toBe(3);
		expect(waited).toEqual([10, 20]);
	});

	it('stops when told to, before a pause and after one', async () => {
		const before = recordedWaits();
		let tries = 0;
		expect(await tryUntilDone(async () => (++tries, false), { wait: before.wait, keepTrying: () => false })).toBe(false);
		expect(tries).toBe(1);
		expect(before.waited).toEqual([]);

		// Offline again during the first pause: no second try.
		let online = true;
		tries = 0;
		const wait = async () => void (online = false);
		expect(await tryUntilDone(async () => (++tries, false), { wait, keepTrying: () => online })).toBe(false);
		expect(tries).toBe(1);
	});
});
