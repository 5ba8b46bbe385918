import { error } from '@sveltejs/kit';
import { audienceOf } from '$lib/server/sign-in';
import type { PageServerLoad } from './$types';

const PROBLEMS = ['unavailable', 'cancelled', 'expired', 'failed', 'assurance', 'disabled', 'staff_unknown'] as const;
type Problem = (typeof PROBLEMS)[number];

/** A kind page saying why a SAML sign-in was refused (the ACS sends the person here). */
export const load: PageServerLoad = ({ params, url }) => {
	if (!audienceOf(params.audience)) error(404);
	const asked = url.searchParams.get('problem');
	const problem: Problem = (PROBLEMS as readonly string[]).includes(asked ?? '') ? (asked as Problem) : 'failed';
	return { problem };
};
