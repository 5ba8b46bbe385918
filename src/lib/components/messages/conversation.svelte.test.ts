/**
 * The conversation's state and its transitions (conversation.svelte.ts), with a small stand-in
 * for the server, the outbox and the page's data. Vitest compiles the runes for the server here,
 * where `$derived` is worked out again on each read: these tests check what the state is after
 * each step; the browser flows (tests/messages.spec.ts, tests/pwa.spec.ts) check the page's
 * updates.
 */
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import { sendErrorText } from '$lib/shared/message-errors';
import type { LiveEvent, MessageView, Side, ThreadView } from '$lib/shared/messages';
import type { Outgoing } from '$lib/pwa/outbox';
import { ConversationState, type ConversationPorts, type SendAnswer } from './conversation.svelte';

const YOUTH = 'youth-freja';
const ME = YOUTH;
const THREAD = 'thread-1';

/** A message as the server stores it. */
function stored(seq: number, side: Side, body: string, clientId = `client-${seq}`, threadId = THREAD): MessageView {
	return {
		id: `message-${threadId}-${seq}`,
		threadId,
		clientId,
		seq,
		senderId: side === 'youth' ? YOUTH : 'guide-mette',
		senderName: side === 'youth' ? 'Freja' : 'Mette',
		side,
		body,
		createdAt: new Date(Date.UTC(2026, 2, 14, 10, seq)).toISOString(),
		attachment: null
	};
}

const liveMessage = (message: MessageView, youthId = YOUTH): LiveEvent => ({ kind: 'message', youthId, message });
const liveMark = (kind: 'delivered' | 'read', side: Side, seq: number, threadId = THREAD): LiveEvent => ({
	kind,
	youthId: YOUTH,
	threadId,
	side,
	seq
});

/** Lets the promises started so far (the outbox's, the sends') run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The world around one conversation page: a server that stores each client id once, an outbox,
 * the page's data, and a switch for the network.
 */
class World {
	online = true;
	/** What the server has, by client id. */
	server: Map<string, MessageView>;
	/** Client ids in the order the server received them (repeats included). */
	received: string[] = [];
	outbox = new Map<string, Outgoing>();
	reads: Array<[string, number]> = [];
	reloads = 0;
	/** The page's data, as the load function made it. */
	thread: ThreadView;
	/** Holds the server's answers back while set (to see a message while it is sending). */
	hold: Promise<void> | null = null;
	/** The server's refusal of the sends, if any. */
	refuse: SendAnswer | null = null;
	#ids = 0;

	constructor(
		seed: MessageView[] = [stored(1, 'staff', 'Hej Freja')],
		readonly mySide: Side = 'youth'
	) {
		this.server = new Map(seed.map((msg) => [msg.clientId, msg]));
		this.thread = {
			id: THREAD,
			youthId: YOUTH,
			guideName: 'Mette',
			writable: true,
			closedAt: null,
			messages: [...seed],
			marks: { youth: { delivered: 0, read: 0 }, staff: { delivered: 0, read: 0 } }
		};
	}

	/** Stores a message as the server does: once per client id. */
	store(message: Omit<Outgoing, 'userId'>): { ok: boolean; answer: SendAnswer } {
		this.received.push(message.clientId);
		const existing = this.server.get(message.clientId);
		if (existing) return { ok: true, answer: { message: existing } };
		const seq = Math.max(0, ...[...this.server.values()].map((msg) => msg.seq)) + 1;
		const msg = stored(seq, this.mySide, message.body, message.clientId);
		this.server.set(message.clientId, msg);
		return { ok: true, answer: { message: msg } };
	}

	/** The page's data loaded again: everything the server has. */
	reloadData(): void {
		this.thread = { ...this.thread, messages: [...this.server.values()].sort((a, b) => a.seq - b.seq) };
	}

	/** The app shell or the service worker sends the outbox. */
	flushOutbox(): MessageView[] {
		const sent = [...this.outbox.values()].map((entry) => this.store(entry).answer.message!);
		this.outbox.clear();
		return sent;
	}

	readonly ports: ConversationPorts = {
		post: async (message) => {
			if (!this.online) throw new TypeError('Failed to fetch');
			await this.hold;
			if (this.refuse) return { ok: false, answer: this.refuse };
			return this.store(message);
		},
		postRead: async (threadId, seq) => {
			this.reads.push([threadId, seq]);
		},
		keepForLater: async (message) => {
			this.outbox.set(message.clientId, message);
		},
		waitingMessages: async (userId, youthId) =>
			[...this.outbox.values()].filter((entry) => entry.userId === userId && entry.youthId === youthId),
		removeFromOutbox: async (clientId) => {
			this.outbox.delete(clientId);
		},
		reload: async () => {
			this.reloads++;
			this.reloadData();
		},
		newId: () => `new-client-id-${++this.#ids}`
	};

	/** The conversation as a page opened now shows it. */
	open(initial?: { draft?: string; error?: string | null }): ConversationState {
		return new ConversationState(() => ({ thread: this.thread, mySide: this.mySide, userId: ME }), this.ports, initial);
	}
}

const world = (seed?: MessageView[]) => new World(seed);

const withClientId = (messages: MessageView[], clientId: string) => messages.filter((msg) => msg.clientId === clientId);

describe('ConversationState', () => {
	it('shows the page’s messages, and what a form post without JavaScript kept', () => {
		const w = world();
		const conversation = w.open({ draft: 'Min tekst', error: 'For lang' });
		expect(conversation.messages.map((msg) => msg.body)).toEqual(['Hej Freja']);
		expect(conversation.draft).toBe('Min tekst');
		expect(conversation.error).toBe('For lang');
		expect(conversation.count).toBe(9);
	});

	it('the server’s answer replaces the pending message, and the draft is emptied', async () => {
		const w = world();
		const conversation = w.open();
		let release = () => {};
		w.hold = new Promise<void>((resolve) => (release = resolve));
		conversation.draft = 'Hej Mette';
		const sending = conversation.submit();
		// A double tap while it is on its way: the same text keeps its id.
		const again = conversation.submit();
		expect(conversation.shownPending).toEqual([{ clientId: 'new-client-id-1', body: 'Hej Mette', state: 'sending' }]);
		expect(conversation.messages).toHaveLength(1);

		release();
		await Promise.all([sending, again]);
		expect(w.received).toEqual(['new-client-id-1', 'new-client-id-1']);
		expect(conversation.pending).toEqual([]);
		expect(conversation.shownPending).toEqual([]);
		expect(withClientId(conversation.messages, 'new-client-id-1')).toMatchObject([{ body: 'Hej Mette', seq: 2, side: 'youth' }]);
		expect(conversation.draft).toBe('');
		expect(conversation.error).toBeNull();

		// The stream brings the same message back, and the page's data has it after a reload.
		conversation.receive(liveMessage(w.server.get('new-client-id-1')!));
		w.reloadData();
		expect(withClientId(conversation.messages, 'new-client-id-1')).toHaveLength(1);
		expect(conversation.messages.map((msg) => msg.seq)).toEqual([1, 2]);

		// A new text gets a new id.
		conversation.draft = 'Og en til';
		await conversation.submit();
		expect(w.received.at(-1)).toBe('new-client-id-2');
	});

	it('a message sent offline stays pending, in the outbox and after a reload, and is shown once when the server echoes it live', async () => {
		const w = world();
		const conversation = w.open();
		w.online = false;
		conversation.draft = 'Skrevet i bussen';
		await conversation.submit();
		await settle();
		const waiting = { clientId: 'new-client-id-1', body: 'Skrevet i bussen', state: 'waiting' };
		expect(conversation.shownPending).toEqual([waiting]);
		expect([...w.outbox.values()]).toEqual([{ clientId: 'new-client-id-1', body: 'Skrevet i bussen', userId: ME, youthId: YOUTH }]);
		expect(w.server.has('new-client-id-1')).toBe(false);

		// The app is opened again without network: the outbox still has it.
		const reopened = w.open();
		await reopened.syncOutbox();
		expect(reopened.shownPending).toEqual([waiting]);
		await conversation.syncOutbox();
		expect(conversation.shownPending).toEqual([waiting]);

		// The network returns: the app shell sends the outbox, and the page retries too (same id).
		w.online = true;
		const [sent] = w.flushOutbox();
		conversation.retry();
		// The live stream echoes the stored message before the page's own answer is in.
		conversation.receive(liveMessage(sent!));
		expect(withClientId(conversation.messages, 'new-client-id-1')).toHaveLength(1);
		expect(conversation.shownPending).toEqual([]);
		await settle();
		// The outbox says it left (the page has it already), and the page's data is loaded again.
		await conversation.syncOutbox();
		w.reloadData();
		expect(w.received).toEqual(['new-client-id-1', 'new-client-id-1']);
		expect([...w.server.values()].filter((msg) => msg.body === 'Skrevet i bussen')).toHaveLength(1);
		expect(conversation.pending).toEqual([]);
		expect(withClientId(conversation.messages, 'new-client-id-1')).toHaveLength(1);
	});

	it('a message that left the outbox while the page was away is taken from the page’s data', async () => {
		const w = world();
		const conversation = w.open();
		w.online = false;
		conversation.draft = 'Sendt af service workeren';
		await conversation.submit();
		await settle();
		// Background Sync sent it; no live echo reached this page.
		w.online = true;
		w.flushOutbox();
		await conversation.syncOutbox();
		expect(w.reloads).toBe(1);
		expect(conversation.shownPending).toEqual([]);
		expect(withClientId(conversation.messages, 'new-client-id-1')).toMatchObject([{ body: 'Sendt af service workeren' }]);
	});

	it('a message the server refuses is no longer pending, says why and keeps the text', async () => {
		const w = world();
		const conversation = w.open();
		const long = 'x'.repeat(4001);
		w.refuse = { error: 'too_long' };
		conversation.draft = long;
		await conversation.submit();
		expect(conversation.pending).toEqual([]);
		expect(conversation.error).toBe(sendErrorText('too_long', { body: long }));
		expect(conversation.draft).toBe(long);
		expect(conversation.messages).toHaveLength(1);
	});

	it('a live message from the other side appears once, and is announced', () => {
		const w = world();
		const conversation = w.open();
		const fromMette = stored(2, 'staff', 'Hvordan går det?');
		conversation.receive(liveMessage(fromMette));
		conversation.receive(liveMessage(fromMette));
		expect(conversation.messages.map((msg) => msg.body)).toEqual(['Hej Freja', 'Hvordan går det?']);
		expect(conversation.announcement).toBe(m.messages_new_from({ name: 'Mette', body: 'Hvordan går det?' }));
		// The page's data is loaded again and has it too.
		w.server.set(fromMette.clientId, fromMette);
		w.reloadData();
		expect(conversation.messages.map((msg) => msg.seq)).toEqual([1, 2]);

		// Another young person's conversation (a guide's tab) is not this one.
		conversation.receive(liveMessage(stored(3, 'staff', 'Til en anden'), 'youth-other'));
		expect(conversation.messages).toHaveLength(2);
		expect(w.reloads).toBe(0);
		// Another thread (the guide changed): the page's data is loaded again instead.
		conversation.receive(liveMessage(stored(1, 'staff', 'Ny guide', 'client-new', 'thread-2')));
		expect(w.reloads).toBe(1);
		expect(conversation.messages.map((msg) => msg.body)).toEqual(['Hej Freja', 'Hvordan går det?']);
	});

	it('the first message starts the thread when the page had none', async () => {
		const w = world([]);
		w.thread = { ...w.thread, id: null };
		const conversation = w.open();
		expect(conversation.threadId).toBeNull();
		conversation.draft = 'Hej';
		await conversation.submit();
		expect(conversation.threadId).toBe(THREAD);
		expect(conversation.messages.map((msg) => msg.body)).toEqual(['Hej']);
		expect(w.reloads).toBe(0);
	});

	it('the other side’s marks move forward only', () => {
		const w = world([stored(1, 'youth', 'En'), stored(2, 'youth', 'To'), stored(3, 'youth', 'Tre')]);
		w.thread.marks.staff = { delivered: 2, read: 1 };
		const conversation = w.open();
		expect(conversation.otherMarks).toEqual({ delivered: 2, read: 1 });
		conversation.receive(liveMark('delivered', 'staff', 1));
		expect(conversation.otherMarks).toEqual({ delivered: 2, read: 1 });
		conversation.receive(liveMark('delivered', 'staff', 3));
		expect(conversation.otherMarks).toEqual({ delivered: 3, read: 1 });
		conversation.receive(liveMark('read', 'staff', 2));
		expect(conversation.otherMarks).toEqual({ delivered: 3, read: 2 });
		conversation.receive(liveMark('read', 'staff', 1));
		conversation.receive(liveMark('delivered', 'staff', 2));
		expect(conversation.otherMarks).toEqual({ delivered: 3, read: 2 });
		// Read implies delivered.
		conversation.receive(liveMark('read', 'staff', 4));
		expect(conversation.otherMarks).toEqual({ delivered: 4, read: 4 });
		// Older page data does not take them back; marks of this side or another thread do not count.
		w.reloadData();
		conversation.receive(liveMark('read', 'youth', 9));
		conversation.receive(liveMark('read', 'staff', 9, 'thread-2'));
		expect(conversation.otherMarks).toEqual({ delivered: 4, read: 4 });
	});

	it('what is on screen is marked read, once, and not while the page is hidden', () => {
		const w = world([stored(1, 'staff', 'En'), stored(2, 'staff', 'To')]);
		w.thread.marks.youth = { delivered: 1, read: 1 };
		const conversation = w.open();
		conversation.visible = false;
		conversation.markRead();
		expect(w.reads).toEqual([]);
		expect(conversation.unread).toBe(true);

		conversation.visible = true;
		conversation.markRead();
		conversation.markRead();
		expect(w.reads).toEqual([[THREAD, 2]]);
		expect(conversation.unread).toBe(false);

		conversation.receive(liveMessage(stored(3, 'staff', 'Tre')));
		expect(conversation.unread).toBe(true);
		conversation.markRead();
		expect(w.reads).toEqual([
			[THREAD, 2],
			[THREAD, 3]
		]);
		// Read on another device: nothing to send from here.
		conversation.receive(liveMessage(stored(4, 'staff', 'Fire')));
		conversation.receive(liveMark('read', 'youth', 4));
		conversation.markRead();
		expect(w.reads).toHaveLength(2);
	});

	it('a photo goes with its message; offline it waits in the outbox with the file and goes once, with it, when back', async () => {
		const w = world();
		const posted: Array<Blob | undefined> = [];
		const post = w.ports.post;
		w.ports.post = async (message) => {
			posted.push(message.file);
			return post(message);
		};
		const conversation = w.open();
		const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'skema.jpg', { type: 'image/jpeg' });
		conversation.draft = 'Mit skema';
		conversation.chooseFile(photo);
		w.online = false;
		await conversation.submit();
		await settle();
		expect(conversation.shownPending).toEqual([{ clientId: 'new-client-id-1', body: 'Mit skema', state: 'waiting', fileName: 'skema.jpg' }]);
		expect(w.outbox.get('new-client-id-1')).toMatchObject({ body: 'Mit skema', file: photo, fileName: 'skema.jpg' });
		// Still in the form until it has gone: the same text and file keep their id.
		expect(conversation.file).toBe(photo);
		await conversation.submit();
		await settle();
		expect(conversation.pending.map((p) => p.clientId)).toEqual(['new-client-id-1']);

		w.online = true;
		conversation.retry();
		await settle();
		expect(posted.at(-1)).toBe(photo);
		expect([...w.server.values()].filter((msg) => msg.body === 'Mit skema')).toHaveLength(1);
		expect(conversation.pending).toEqual([]);
		expect(conversation.draft).toBe('');
		expect(conversation.file).toBeNull();
	});

	it('another file is another message: a new id', async () => {
		const w = world();
		const conversation = w.open();
		w.refuse = { error: 'attachment_mismatch' };
		conversation.draft = 'Se her';
		conversation.chooseFile(new File(['x'], 'a.pdf'));
		await conversation.submit();
		expect(conversation.error).toBe(sendErrorText('attachment_mismatch'));
		expect(conversation.draft).toBe('Se her');
		w.refuse = null;
		conversation.chooseFile(new File(['y'], 'b.jpg'));
		await conversation.submit();
		expect(w.received).toEqual(['new-client-id-2']);
	});

	it('a file over 10 MB is refused before it is sent, and the text stays', () => {
		const w = world();
		const conversation = w.open();
		conversation.draft = 'Min video';
		const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'video.jpg', { type: 'image/jpeg' });
		conversation.chooseFile(big);
		expect(conversation.file).toBeNull();
		expect(conversation.error).toBe(sendErrorText('attachment_too_large'));
		expect(conversation.draft).toBe('Min video');
	});
});
