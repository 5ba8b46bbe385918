/**
 * Checks in a real browser that stored payloads stay text: no injected element or attribute, no
 * javascript: link, no script of ours ran (it would set window.__fuzzHit or open a dialog).
 */
import type { Page } from '@playwright/test';
import { HIT } from './inputs';

/** What injected markup is in the page now ([] when none). */
export function findInjected(page: Page): Promise<string[]> {
	return page.evaluate((hit) => {
		const found: string[] = [];
		if ((window as unknown as Record<string, unknown>)[hit] !== undefined) found.push(`window.${hit} was set`);
		for (const el of Array.from(document.querySelectorAll('*'))) {
			for (const attr of Array.from(el.attributes)) {
				// Svelte's own hydration marker for load/error events is the one allowed handler.
				if (/^on/i.test(attr.name) && attr.value !== 'this.__e=event')
					found.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 60)}">`);
				if (/^\s*javascript:/i.test(attr.value) && /^(href|src|action|formaction|srcdoc|data)$/i.test(attr.name)) {
					found.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 60)}">`);
				}
			}
			if (['iframe', 'object', 'embed', 'base', 'frame'].includes(el.localName)) found.push(`<${el.localName}>`);
			if (el.localName === 'meta' && el.hasAttribute('http-equiv') && /javascript|url=/i.test(el.getAttribute('content') ?? '')) {
				found.push('<meta http-equiv> with a url');
			}
		}
		for (const script of Array.from(document.querySelectorAll('script'))) {
			const text = script.textContent ?? '';
			if (!script.src && text.includes(hit) && !text.includes('__sveltekit')) found.push(`<script>${text.slice(0, 60)}`);
		}
		for (const a of Array.from(document.querySelectorAll('a')))
			if (a.protocol === 'javascript:') found.push(`javascript: link ${a.href.slice(0, 60)}`);
		return found;
	}, HIT);
}

/** Whether the page shows one of the payloads as plain text (so they were stored and rendered). */
export function showsPayloadAsText(page: Page): Promise<boolean> {
	return page.evaluate((hit) => document.body.innerText.includes(hit), HIT);
}
