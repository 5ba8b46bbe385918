/** A message the page has sent (or queued) but the server has not confirmed yet. */
export interface Pending {
	clientId: string;
	body: string;
	state: 'sending' | 'waiting';
	/** The name of the photo or PDF going with it. */
	fileName?: string;
}
