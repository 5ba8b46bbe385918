import { describe, expect, it } from 'vitest';
import { safeNext } from './index';

describe('safeNext: a return address is a path on this site, or home', () => {
	it('keeps paths on this site, with their query and fragment', () => {
		expect(safeNext('/plan', '/')).toBe('/plan');
		expect(safeNext('/staff/youth/abc?tab=plan#steps', '/')).toBe('/staff/youth/abc?tab=plan#steps');
		expect(safeNext('/messages?x=%2F%2Fevil', '/')).toBe('/messages?x=%2F%2Fevil');
		// An encoded tab stays encoded: a path on this site, not a way out of it.
		expect(safeNext('/%09/evil.example/login', '/')).toBe('/%09/evil.example/login');
		expect(safeNext('/plan/../messages', '/')).toBe('/messages');
		expect(safeNext('/sø', '/')).toBe('/s%C3%B8');
	});

	it.each([
		['/\t/evil.example/login'],
		['/.//evil.example'],
		['/./\\evil.example'],
		['/\u00a0/evil.example'],
		['/\u200b/evil.example'],
		['/\n/evil.example'],
		['/\r/evil.example'],
		['/\u2028/evil.example'],
		['/\u2029/evil.example'],
		['/ /evil.example'],
		['//evil.example'],
		['/\\evil.example'],
		['/\\/evil.example'],
		['https://evil.example/'],
		['http:/evil.example'],
		['javascript:alert(1)'],
		['evil.example'],
		[''],
		['/' + 'a'.repeat(600)]
	])('sends %j home', (value) => {
		expect(safeNext(value, '/')).toBe('/');
	});

	it('sends anything that is not text home', () => {
		expect(safeNext(null, '/parent')).toBe('/parent');
		expect(safeNext(new File([], 'x'), '/parent')).toBe('/parent');
	});

	it('never returns a value a Location header refuses', () => {
		for (let code = 0; code < 0x3000; code++) {
			const next = safeNext(`/a${String.fromCharCode(code)}b`, '/');
			expect(() => new Headers({ Location: next })).not.toThrow();
			expect(next === '/' || next.startsWith('/a')).toBe(true);
			expect(next.startsWith('//')).toBe(false);
		}
	});
});
