/**
 * The conversation one writes in, as the page holds it: the messages (the page's data and what
 * came live), the writer's own messages on their way (sending, or waiting in the outbox), both
 * sides' delivered and read marks, the draft and its error. Every change goes through a method
 * here; Conversation.svelte renders the state and wires the browser's events to the methods.
 *
 * Never lost, never doubled (docs/product.md rule 8): each message gets an id made here, kept for
 * as long as its text is unchanged, so a double tap, a retry or the outbox sending it later is
 * stored once by the server; and the writer's own message is shown once, whether it comes back
 * as the server's answer, live from the stream, or in the page's reloaded data.
 *
 * The network, the outbox and reloading the page's data come in as `ConversationPorts`
 * (`browserPorts` for the page), so conversation.svelte.test.ts runs the transitions without a
 * browser.
 */
import { m } from '$lib/paraglide/messages.js';
import { sendErrorText } from '$lib/shared/message-errors';
import {
	characterCount,
	type LiveEvent,
	type Marks,
	type MessageView,
	type SendError,
	type Side,
	type ThreadView
} from '$lib/shared/messages';
import type { Outgoing } from '$lib/pwa/outbox';
import { ATTACHMENT_MAX_BYTES } from '$lib/shared/attachments';
import type { Pending } from './types';

/** What the page gives the conversation, asked afresh each time (the page's data is reloaded). */
export interface ConversationSource {
	thread: ThreadView;
	mySide: Side;
	/** Who is writing (the outbox keeps each person's waiting messages apart); null: nobody. */
	userId: string | null;
}

/** The server's answer to a send (POST /api/messages). */
export interface SendAnswer {
	message?: MessageView;
	error?: SendError;
	retryAfter?: number;
}

export interface ConversationPorts {
	/** Sends one message (with its file, if any); rejects when there is no network. */
	post(message: Omit<Outgoing, 'userId'>): Promise<{ ok: boolean; answer: SendAnswer }>;
	/** Tells the server that this side has read the thread up to `seq`. */
	postRead(threadId: string, seq: number): Promise<void>;
	/** The outbox (src/lib/pwa/outbox.ts). */
	keepForLater(message: Outgoing): Promise<void>;
	waitingMessages(userId: string, youthId: string): Promise<Array<Pick<Outgoing, 'clientId' | 'body' | 'fileName'>>>;
	removeFromOutbox(clientId: string): Promise<void>;
	/** Loads the page's data again (another thread began, or messages left the outbox). */
	reload(): Promise<void>;
	/** A new client-made message id. */
	newId(): string;
}

const noMarks = (): Marks => ({ delivered: 0, read: 0 });

export class ConversationState {
	readonly #source: () => ConversationSource;
	readonly #ports: ConversationPorts;
	/** The page's data and who is writing, as they are now. */
	get #now(): ConversationSource {
		return this.#source();
	}

	/** The thread once the first message made it (the page had none). */
	#startedThread = $state<string | null>(null);
	/** Messages that came after the page's data: live, or as the answer to a send. */
	#arrived = $state<MessageView[]>([]);
	/** Marks that came live, by side; shown as the furthest of these and the page's data. */
	#liveMarks = $state<Record<Side, Marks>>({ youth: noMarks(), staff: noMarks() });
	/** How far this page has said it read (before the server confirms it). */
	#readSent = $state(0);
	/** The client id of the text (and file) being sent: the same text and file keep their id. */
	#draftId: { clientId: string; body: string; file: File | null } | null = null;
	/** The files of messages on their way, by client id, for a retry. */
	#files: Record<string, File> = {};

	/** This writer's messages the server has not confirmed yet. */
	pending = $state<Pending[]>([]);
	draft = $state('');
	/** The photo or PDF chosen to go with the draft. */
	file = $state<File | null>(null);
	/** Why the last send failed, in the user's language. */
	error = $state<string | null>(null);
	/** For screen readers: the newest message from the other side. */
	announcement = $state('');
	/** The page is on screen: what arrives is read. */
	visible = $state(true);

	readonly threadId = $derived(this.#now.thread.id ?? this.#startedThread);

	/** The stored messages, each once, in the thread's order. */
	readonly messages = $derived.by(() => {
		const byId: Record<string, MessageView> = {};
		for (const msg of this.#now.thread.messages) byId[msg.id] = msg;
		for (const msg of this.#arrived) if (msg.threadId === this.threadId) byId[msg.id] = msg;
		return Object.values(byId).sort((a, b) => a.seq - b.seq);
	});

	/** Pending messages not yet among the stored ones (a message is shown once). */
	readonly shownPending = $derived.by(() => {
		const mySide = this.#now.mySide;
		return this.pending.filter((p) => !this.messages.some((msg) => msg.side === mySide && msg.clientId === p.clientId));
	});

	/** How far the other side has received and read. Marks only move forward. */
	readonly otherMarks = $derived.by((): Marks => this.#marksOf(this.#now.mySide === 'youth' ? 'staff' : 'youth'));

	/** The newest message from the other side (its seq; 0 for none). */
	readonly lastFromOther = $derived.by(() => {
		const mySide = this.#now.mySide;
		return this.messages.filter((msg) => msg.side !== mySide).at(-1)?.seq ?? 0;
	});

	/** How far this side has read. */
	readonly myRead = $derived(Math.max(this.#readSent, this.#marksOf(this.#now.mySide).read));

	/** The other side wrote something this side has not read yet. */
	readonly unread = $derived(this.threadId !== null && this.lastFromOther > this.myRead);

	/** The draft's length as a person counts it. */
	readonly count = $derived(characterCount(this.draft));

	/**
	 * `source` is asked on every use; `initial` is what a form post without JavaScript kept (the text
	 * typed, and why it was not sent).
	 */
	constructor(source: () => ConversationSource, ports: ConversationPorts, initial: { draft?: string; error?: string | null } = {}) {
		this.#source = source;
		this.#ports = ports;
		this.draft = initial.draft ?? '';
		this.error = initial.error ?? null;
	}

	#marksOf(side: Side): Marks {
		const stored = this.#now.thread.marks[side];
		const live = this.#liveMarks[side];
		return { delivered: Math.max(stored.delivered, live.delivered), read: Math.max(stored.read, live.read) };
	}

	/** Adds a stored message unless it is already here; true when it was new. */
	#add(message: MessageView): boolean {
		if (this.#arrived.some((msg) => msg.id === message.id)) return false;
		this.#arrived.push(message);
		return true;
	}

	/**
	 * A file was chosen (or taken away) to go with the draft. One over the size limit is refused
	 * here, before it is sent anywhere; the text stays.
	 */
	chooseFile(file: File | null): void {
		if (file && file.size > ATTACHMENT_MAX_BYTES) {
			this.file = null;
			this.error = sendErrorText('attachment_too_large');
			return;
		}
		this.file = file;
		this.error = null;
	}

	/** The compose form was sent: the draft goes, with the id it keeps while it is unchanged. */
	submit(): Promise<void> {
		const body = this.draft;
		const file = this.file;
		if (this.#draftId?.body !== body || this.#draftId.file !== file) this.#draftId = { clientId: this.#ports.newId(), body, file };
		return this.send(body, this.#draftId.clientId, file ?? undefined);
	}

	/**
	 * Sends one message, with its file if any. Shown as sending until the server answers; without
	 * network it waits, kept in the outbox (file and all) with its id, and goes again on `retry`
	 * (or from the outbox).
	 */
	async send(body: string, clientId: string, file?: File): Promise<void> {
		const { thread, userId } = this.#now;
		const youthId = thread.youthId;
		const fileName = file?.name;
		if (file) this.#files[clientId] = file;
		const existing = this.pending.find((p) => p.clientId === clientId);
		if (existing) existing.state = 'sending';
		else this.pending.push({ clientId, body, state: 'sending', fileName });
		let result: Awaited<ReturnType<ConversationPorts['post']>>;
		try {
			result = await this.#ports.post({ clientId, body, youthId, file, fileName });
		} catch {
			// Offline: kept with its id and sent again when the phone is back online.
			const p = this.pending.find((x) => x.clientId === clientId);
			if (p) p.state = 'waiting';
			if (userId) void this.#ports.keepForLater({ clientId, body, userId, youthId, file, fileName }).catch(() => undefined);
			return;
		}
		if (result.ok) void this.#ports.removeFromOutbox(clientId).catch(() => undefined);
		const { message, error, retryAfter } = result.answer;
		this.pending = this.pending.filter((p) => p.clientId !== clientId);
		delete this.#files[clientId];
		if (result.ok && message) {
			if (this.threadId && message.threadId !== this.threadId) await this.#ports.reload();
			this.#startedThread = message.threadId;
			this.#add(message);
			this.#clearDraftOf(clientId, body);
			this.error = null;
		} else {
			this.error = sendErrorText(error ?? 'invalid_request', { body, retryAfter });
		}
	}

	/** The draft that was sent (or is kept for later) is done with: the form is emptied. */
	#clearDraftOf(clientId: string, body: string) {
		if (this.#draftId?.clientId !== clientId) return;
		const hadFile = this.#draftId.file !== null;
		this.#draftId = null;
		if (this.draft.trim() === body.trim()) this.draft = '';
		if (hadFile) this.file = null;
	}

	/** Back online: the messages waiting on this page go again, with their ids (and files). */
	retry(): void {
		for (const p of this.pending.filter((x) => x.state === 'waiting')) void this.send(p.body, p.clientId, this.#files[p.clientId]);
	}

	/**
	 * Shows what waits in the outbox for this conversation (written offline, also before the app
	 * was closed); what left it meanwhile is on the server now, so the page's data is reloaded.
	 */
	async syncOutbox(): Promise<void> {
		const { thread, userId } = this.#now;
		const queued = userId ? await this.#ports.waitingMessages(userId, thread.youthId).catch(() => []) : [];
		const gone = this.pending.filter((p) => p.state === 'waiting' && !queued.some((q) => q.clientId === p.clientId));
		this.pending = this.pending
			.filter((p) => !gone.includes(p))
			.concat(
				queued
					.filter((q) => !this.pending.some((p) => p.clientId === q.clientId))
					.map((q) => ({ clientId: q.clientId, body: q.body, state: 'waiting' as const, fileName: q.fileName }))
			);
		if (gone.length) await this.#ports.reload();
	}

	/** A message or a mark from the live stream. */
	receive(event: LiveEvent): void {
		const { thread, mySide } = this.#now;
		if (event.youthId !== thread.youthId) return;
		if (event.kind === 'message') {
			// Another thread (the guide changed): the page's data says which one is current.
			if (this.threadId && event.message.threadId !== this.threadId) return void this.#ports.reload();
			this.#startedThread = event.message.threadId;
			if (this.#add(event.message) && event.message.side !== mySide) {
				this.announcement = m.messages_new_from({ name: event.message.senderName, body: event.message.body });
			}
		} else if (event.threadId === this.threadId) {
			const marks = this.#liveMarks[event.side];
			if (event.kind === 'read') marks.read = Math.max(marks.read, event.seq);
			// Read implies delivered.
			marks.delivered = Math.max(marks.delivered, event.seq);
		}
	}

	/** Seen on screen is read: tells the other side, once for each newer message of theirs. */
	markRead(): void {
		const threadId = this.threadId;
		const seq = this.lastFromOther;
		if (!threadId || !this.visible || seq <= this.myRead) return;
		this.#readSent = seq;
		void this.#ports.postRead(threadId, seq).catch(() => {
			// Offline: marked the next time the page sees a message.
		});
	}
}

/** A conversation's ports on a page: fetch, the outbox in IndexedDB (loaded when first needed). */
export function browserPorts(reload: () => Promise<void>): ConversationPorts {
	const outbox = () => import('$lib/pwa/outbox');
	const postJson = (url: string, body: unknown) =>
		fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return {
		post: async (message) => {
			// A file goes as a form, by the outbox's code (loaded only when a file is sent).
			const response = message.file ? await (await outbox()).postMessage(message) : await postJson('/api/messages', message);
			return { ok: response.ok, answer: (await response.json().catch(() => ({}))) as SendAnswer };
		},
		postRead: async (threadId, seq) => {
			await postJson('/api/messages/read', { threadId, seq });
		},
		keepForLater: async (message) => (await outbox()).keepForLater(message),
		waitingMessages: async (userId, youthId) => (await outbox()).waitingMessages(userId, youthId),
		removeFromOutbox: async (clientId) => (await outbox()).removeFromOutbox(clientId),
		reload,
		newId: () => crypto.randomUUID()
	};
}
