/**
 * Who a young person can call right now (issue 20, "Safety first"), shown at once after a low
 * check-in answer. Danish national lines, the same for every municipality; `tel` is what the
 * phone dials, `number` how it is written.
 */
export interface CrisisLine {
	id: 'emergency' | 'children' | 'livslinien' | 'headspace';
	number: string;
	tel: string;
	/** A web address, where the line has one the young person can also use. */
	web?: string;
	/** Only for those under this age (Børnetelefonen: under 18). */
	underAge?: number;
}

export const CRISIS_LINES: readonly CrisisLine[] = [
	{ id: 'emergency', number: '112', tel: '112' },
	{ id: 'children', number: '116 111', tel: '116111', underAge: 18 },
	{ id: 'livslinien', number: '70 201 201', tel: '70201201' },
	{ id: 'headspace', number: '33 22 17 11', tel: '33221711', web: 'https://headspace.dk' }
];
