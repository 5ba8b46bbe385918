import { error } from '@sveltejs/kit';
import { audienceOf, buildSpMetadata } from '$lib/server/sign-in';
import type { RequestHandler } from './$types';

/** Our SAML service provider metadata, to register with NemLog-in or KOMBIT (README). */
export const GET: RequestHandler = ({ params, url }) => {
	const audience = audienceOf(params.audience);
	const metadata = audience ? buildSpMetadata(audience, url.origin) : null;
	if (!metadata) error(404);
	return new Response(metadata, { headers: { 'content-type': 'application/samlmetadata+xml; charset=utf-8' } });
};
