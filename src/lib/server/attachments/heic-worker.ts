/**
 * HEIC decoding on a worker thread: heic-decode is libheif compiled to WebAssembly and runs on the
 * thread that calls it; a 12-megapixel iPhone photo takes about 1.8 s, which on the server's main
 * thread would stall every other request. The worker's code is a small self-contained script
 * (evaluated, not a file), as backup/sqlite-worker.ts does, so it runs the same under Vitest and
 * in the bundled server.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.decoder);
decode({ buffer: workerData.bytes }).then(
	(image) => parentPort.postMessage({ ok: true, width: image.width, height: image.height, data: image.data }, [image.data.buffer]),
	(error) => parentPort.postMessage({ ok: false, message: error && error.message ? error.message : String(error) })
);
`;

const decoder = createRequire(import.meta.url).resolve('heic-decode');

export interface DecodedHeic {
	width: number;
	height: number;
	/** RGBA, 4 bytes a pixel. */
	data: Uint8ClampedArray;
}

type Answer = { ok: true; width: number; height: number; data: Uint8ClampedArray } | { ok: false; message: string };

/** Decodes a HEIC photo to RGBA pixels off the main thread; rejects when it does not decode. */
export function decodeHeic(bytes: Uint8Array): Promise<DecodedHeic> {
	return new Promise((resolve, reject) => {
		const copy = new Uint8Array(bytes); // the worker gets its own copy, moved, not cloned
		const worker = new Worker(WORKER, { eval: true, workerData: { bytes: copy, decoder }, transferList: [copy.buffer] });
		let settled = false;
		worker.once('message', (answer: Answer) => {
			settled = true;
			if (answer.ok) resolve({ width: answer.width, height: answer.height, data: answer.data });
			else reject(new Error(`HEIC: ${answer.message}`));
			void worker.terminate();
		});
		worker.once('error', (error) => {
			settled = true;
			reject(error);
		});
		worker.once('exit', (code) => {
			if (!settled) reject(new Error(`the HEIC worker stopped (${code})`));
		});
	});
}
