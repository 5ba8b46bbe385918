/**
 * A guide's inbox as the server renders it: every conversation is there, and an entry carries only
 * what it shows (issue 23: a scoping class on each of an entry's elements was 6 KB of a 75 KB inbox).
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { InboxEntry } from '$lib/shared/messages';
import Inbox from './Inbox.svelte';

/** A conversation with everything an entry can show: unread messages, a latest message, a wait. */
const entry = (i: number): InboxEntry => ({
	youthId: `youth${String(i).padStart(20, '0')}`,
	youthName: `Ung Nummer ${i}`,
	threadId: `thread${String(i).padStart(19, '0')}`,
	unread: 1 + (i % 6),
	lastSeq: 100 + i,
	latest: {
		body: 'Hvad skal jeg tage med til mødet på torsdag?',
		side: i % 3 ? 'youth' : 'staff',
		createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 28), 15, 30)).toISOString()
	},
	waitingSince: new Date(Date.UTC(2026, 10, 1 + (i % 28), 15, 30)).toISOString(),
	awayGuide: i % 10 === 0 ? 'Mette Larsen' : null
});

const ENTRIES = 59;
const entriesOf = (html: string) => html.match(/<li class="card[^"]*" data-testid="inbox-entry"[\s\S]*?<\/li>/g) ?? [];

describe("a guide's inbox", () => {
	const { body } = render(Inbox, { props: { entries: Array.from({ length: ENTRIES }, (_, i) => entry(i)) } });
	const entries = entriesOf(body);

	it('shows every conversation with a link to it and, when unread, a way to mark it read', () => {
		expect(entries).toHaveLength(ENTRIES);
		for (const [i, html] of entries.entries()) {
			expect(html).toContain(`href="/staff/messages/${entry(i).youthId}"`);
			expect(html).toContain('action="?/markRead"');
			expect(html).toMatch(/class="card unread"/);
		}
	});

	it('styles the entries from the list: no scoping class on the elements of an entry', () => {
		expect(body).toMatch(/<ul class="plain inbox svelte-[a-z0-9]+">/);
		for (const html of entries) expect(html).not.toMatch(/svelte-[a-z0-9]+/);
	});
});
