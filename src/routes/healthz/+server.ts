import { json } from '@sveltejs/kit';
import { isHealthy } from '$lib/server/app';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => (isHealthy() ? json({ status: 'ok' }) : json({ status: 'unavailable' }, { status: 503 }));
