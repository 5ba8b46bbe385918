/**
 * A real OpenID Provider for the sign-in stories (issue 19): panva's `oidc-provider` on a free
 * local port, with Minvej's two clients (citizen, staff) and one more ("another app", for a token
 * meant for someone else). The account that signs in, and whether the person says no, are set by
 * the test; login and consent are finished at once by a tiny interaction route.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';

export interface TestAccount {
	sub: string;
	email?: string;
}

export const CLIENTS = {
	citizen: { id: 'minvej-citizen', secret: 'citizen-secret-for-tests-only-0123456789' },
	staff: { id: 'minvej-staff', secret: 'staff-secret-for-tests-only-0123456789' },
	other: { id: 'another-app', secret: 'other-secret-for-tests-only-0123456789' }
};

export interface TestProvider {
	issuer: string;
	/** Who signs in at the next interaction; `deny`: the person says no (error=access_denied). */
	next: { account: TestAccount; deny?: boolean };
	/** Token requests are answered as if they came from another client: its ID token is for that audience. */
	tokensForAnotherClient: boolean;
	/** The audience of the last ID token answered that way (to show the token was really issued). */
	lastIdTokenAudience: string | null;
	stop(): Promise<void>;
}

export async function startProvider(port: number, appOrigin: string): Promise<TestProvider> {
	const issuer = `http://localhost:${port}`;
	const accounts = new Map<string, TestAccount>();
	const redirectUris = (audience: 'citizen' | 'staff') => [`${appOrigin}/login/oidc/${audience}/callback`];
	const client = (c: { id: string; secret: string }, redirect_uris: string[]) => ({
		client_id: c.id,
		client_secret: c.secret,
		redirect_uris,
		post_logout_redirect_uris: [`${appOrigin}/login?loggedOut=1`],
		grant_types: ['authorization_code'],
		response_types: ['code'],
		token_endpoint_auth_method: 'client_secret_post'
	});
	const configuration: Configuration = {
		clients: [
			client(CLIENTS.citizen, redirectUris('citizen')),
			client(CLIENTS.staff, redirectUris('staff')),
			client(CLIENTS.other, [...redirectUris('citizen'), ...redirectUris('staff')])
		],
		claims: { openid: ['sub'], email: ['email'] },
		// The claims asked for by scope go into the ID token (the staff match reads it there).
		conformIdTokenClaims: false,
		findAccount: (_ctx, id) => {
			const account = accounts.get(id);
			return account ? { accountId: id, claims: () => ({ ...account }) } : undefined;
		},
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
		cookies: { keys: ['test-cookie-key-0123456789'] },
		// Consent given at once: a grant for what was asked.
		loadExistingGrant: async (ctx) => {
			const accountId = ctx.oidc.session?.accountId;
			if (!accountId || !ctx.oidc.client) return undefined;
			const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
			grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
			await grant.save();
			return grant;
		}
	};
	const provider = new Provider(issuer, configuration);
	const handle = provider.callback();
	const state: TestProvider = {
		issuer,
		next: { account: { sub: 'nobody' } },
		tokensForAnotherClient: false,
		lastIdTokenAudience: null,
		stop: () => new Promise((resolve) => server.close(() => resolve()))
	};

	async function interaction(req: IncomingMessage, res: ServerResponse) {
		const details = await provider.interactionDetails(req, res);
		if (state.next.deny) {
			await provider.interactionFinished(
				req,
				res,
				{ error: 'access_denied', error_description: 'The person said no' },
				{ mergeWithLastSubmission: false }
			);
			return;
		}
		if (details.prompt.name === 'login') {
			accounts.set(state.next.account.sub, state.next.account);
			await provider.interactionFinished(req, res, { login: { accountId: state.next.account.sub } }, { mergeWithLastSubmission: false });
			return;
		}
		throw new Error(`unexpected prompt ${details.prompt.name}`);
	}

	/** The token request as another client: the code was issued to it (the test changed client_id at /auth). */
	async function tokenForAnotherClient(req: IncomingMessage, res: ServerResponse) {
		let body = '';
		for await (const chunk of req) body += chunk;
		const form = new URLSearchParams(body);
		form.set('client_id', CLIENTS.other.id);
		form.set('client_secret', CLIENTS.other.secret);
		const answer = await fetch(`${issuer}/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-test-forwarded': '1' },
			body: form
		});
		const text = await answer.text();
		const idToken = answer.ok ? (JSON.parse(text) as { id_token?: string }).id_token : undefined;
		state.lastIdTokenAudience = idToken
			? (JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as { aud: string }).aud
			: null;
		res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
		res.end(text);
	}

	const server: Server = createServer((req, res) => {
		const path = req.url ?? '/';
		const work = path.startsWith('/interaction/')
			? interaction(req, res)
			: path.startsWith('/token') && state.tokensForAnotherClient && !req.headers['x-test-forwarded']
				? tokenForAnotherClient(req, res)
				: Promise.resolve(handle(req, res));
		work.catch((error: unknown) => {
			res.statusCode = 500;
			res.end(String(error));
		});
	});
	await new Promise<void>((resolve) => server.listen(port, resolve));
	return state;
}
