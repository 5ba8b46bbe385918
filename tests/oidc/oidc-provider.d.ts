/** The little of `oidc-provider` (which ships no types) that tests/oidc/provider.ts uses. */
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	interface Grant {
		addOIDCScope(scope: string): void;
		save(): Promise<string>;
	}
	interface Context {
		oidc: {
			session?: { accountId?: string };
			client?: { clientId: string };
			params?: Record<string, unknown>;
			provider: { Grant: new (init: { clientId: string; accountId: string }) => Grant };
		};
	}
	export interface Configuration {
		clients: Record<string, unknown>[];
		claims: Record<string, string[]>;
		conformIdTokenClaims: boolean;
		findAccount: (ctx: Context, id: string) => { accountId: string; claims: () => Record<string, unknown> } | undefined;
		interactions: { url: (ctx: Context, interaction: { uid: string }) => string };
		features: Record<string, unknown>;
		cookies: { keys: string[] };
		loadExistingGrant: (ctx: Context) => Promise<Grant | undefined>;
	}
	export default class Provider {
		constructor(issuer: string, configuration: Configuration);
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
		interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ prompt: { name: string } }>;
		interactionFinished(
			req: IncomingMessage,
			res: ServerResponse,
			result: Record<string, unknown>,
			options?: { mergeWithLastSubmission?: boolean }
		): Promise<void>;
	}
}
