/** What a guide request form action returns on failure: the kind of form, error codes and what was typed. */
export interface RequestFormState {
	kind?: string;
	errors?: string[];
	values?: Record<string, string>;
}

/** What a visitation decision action returns on failure: which form, the error code and what was typed. */
export interface DecisionFormState {
	decision?: 'approve' | 'decline' | 'suggest';
	error?: string;
	values?: Record<string, string>;
}
