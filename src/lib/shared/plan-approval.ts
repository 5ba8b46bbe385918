/** An approved version of the plan as the server hands it to the pages (server/plan/approval.ts). */
export interface ApprovalView {
	version: number;
	approvedAt: Date;
	approvedByName: string;
	cosignRequired: boolean;
	cosignedByName: string | null;
	cosignedAt: Date | null;
	/** This is the plan's latest approved version (the one a custody holder co-signs). */
	latest: boolean;
}

/** Why a custody holder's co-signature was refused. */
export type CosignError = 'not_allowed' | 'stale' | 'not_needed' | 'already';
