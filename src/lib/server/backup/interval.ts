/** Intervals as people write them in the environment: `30m`, `6h`, `1d`. */
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds for `30m`, `6h`, `1d` (a whole number and m, h or d); null for anything else. */
export function parseInterval(text: string): number | null {
	const match = /^\s*(\d{1,6})\s*([mhd])\s*$/i.exec(text);
	if (!match) return null;
	const amount = Number(match[1]);
	if (amount < 1) return null;
	return amount * UNIT_MS[match[2]!.toLowerCase() as keyof typeof UNIT_MS];
}
