/** The sign-in providers configured in the environment, as buttons on the login page. */
import { config } from '../config';
import { SIGN_IN_AUDIENCES, type SignInAudience } from '../db/schema';

export interface SignInButton {
	/** Where the button posts: /login/oidc/<audience> or /login/saml/<audience>. */
	action: string;
	audience: SignInAudience;
	name: string;
}

export function signInButtons(): SignInButton[] {
	return SIGN_IN_AUDIENCES.flatMap((audience) => {
		const saml = config.saml(audience);
		const oidc = config.oidc(audience);
		return [
			...(saml ? [{ action: `/login/saml/${audience}`, audience, name: saml.name }] : []),
			...(oidc ? [{ action: `/login/oidc/${audience}`, audience, name: oidc.name }] : [])
		];
	});
}

/** The audience a route parameter names, or null. */
export function audienceOf(value: string): SignInAudience | null {
	return (SIGN_IN_AUDIENCES as readonly string[]).includes(value) ? (value as SignInAudience) : null;
}
