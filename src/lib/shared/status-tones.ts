/**
 * The colour of a status tag, by what the status means (the tones are the `.badge` variants in
 * app.css): nothing has happened yet is neutral, under way is info, done or shared is ok, waiting
 * or turned down is warn. Two statuses of different meaning never share a tone. No texts here, so
 * a page that only colours a tag does not download the labels.
 */
import type { ConsentStatus } from '$lib/shared/consent';
import type { StepStatus } from '$lib/shared/domain';

export type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger';

const STEP_TONES: Record<StepStatus, Tone> = {
	proposed: 'info',
	todo: 'neutral',
	doing: 'info',
	done: 'ok',
	declined: 'warn'
};

const CONSENT_TONES: Record<ConsentStatus, Tone> = {
	none: 'neutral',
	active: 'ok',
	waiting_cosign: 'warn',
	withdrawn: 'neutral'
};

export const stepStatusTone = (status: StepStatus): Tone => STEP_TONES[status];
export const consentStatusTone = (status: ConsentStatus): Tone => CONSENT_TONES[status];

/** The class list of a status tag in the given tone. */
export const badgeClass = (tone: Tone) => `badge ${tone}`;
