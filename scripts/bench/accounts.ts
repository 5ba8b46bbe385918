/**
 * The people the bench acts as. Two of them log in through the login form (a young person and
 * their guide). The many more needed for the message sends and the open event streams get their
 * sessions written straight into the database the way `createSession` makes them (an id, and the
 * SHA-256 of a secret; the cookie holds both): the login form's throttle allows 50 logins per
 * client address per 15 minutes, and 3,000 argon2 verifications would take minutes of CPU.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { coordinatorName, guideName, SCALE, youthName } from './common';

export interface Person {
	id: string;
	username: string;
	/** The Cookie header for this person's session. */
	cookie: string;
}

export interface Pair {
	/** Who sends: a young person to their guide, or a guide to one of their young people. */
	sender: Person;
	/** Whose event stream should receive it. */
	receiver: Person;
	/** The young person whose conversation it is (sent as youthId by a guide). */
	youthId: string;
}

export interface Cast {
	youth: { username: string; id: string };
	guide: { username: string; id: string; caseload: number };
	/** Young people who each send a few messages (the per-minute limit is per sender). */
	senders: Person[];
	/** Young people for the plan page with many users. */
	planReaders: Person[];
	/** Guides for the staff list and the inbox with many users. */
	guides: Person[];
	/** Who holds an open event stream, and who sends to them. */
	pairs: Pair[];
	/** A coordinator (every young person on their list). */
	coordinator: Person;
	/** A guide's id, for the coordinator's filter by guide. */
	someGuideId: string;
}

/** Chooses the cast in the database and writes sessions for everyone but the two who log in. */
export function prepareCast(path: string, sizes: { senders: number; streams: number; planReaders: number; guides: number }): Cast {
	const sqlite = new Database(path);
	sqlite.pragma('busy_timeout = 5000');
	const userId = sqlite.prepare('select id from users where username = ?').pluck();
	const guideOf = sqlite.prepare('select guide_id from guide_assignments where youth_id = ? and ended_at is null').pluck();
	const guideUsername = sqlite.prepare('select username from users where id = ?').pluck();
	const addSession = sqlite.prepare('insert into sessions (id, secret_hash, user_id, created_at, last_used_at) values (?, ?, ?, ?, ?)');
	const now = Date.now();
	const session = (username: string, id: string): Person => {
		const sessionId = randomBytes(16).toString('base64url');
		const secret = randomBytes(20).toString('base64url');
		addSession.run(sessionId, createHash('sha256').update(secret).digest('hex'), id, now, now);
		return { id, username, cookie: `minvej_session=${sessionId}.${secret}` };
	};
	const youthPerson = (n: number) => {
		const username = youthName(n);
		return session(username, userId.get(username) as string);
	};

	const cast = sqlite.transaction((): Cast => {
		const youthId = userId.get(youthName(1)) as string;
		const guideId = guideOf.get(youthId) as string;
		const caseload = sqlite
			.prepare('select count(*) from guide_assignments where guide_id = ? and ended_at is null')
			.pluck()
			.get(guideId) as number;
		// Numbered blocks of young people, apart so that no one has two roles (a tenth of them each
		// at most, for a small BENCH_SCALE).
		const block = (tenth: number) => Math.floor((SCALE.youth * tenth) / 10) + 1;
		const most = (n: number) => Math.min(n, Math.floor(SCALE.youth / 10));
		const senders = Array.from({ length: most(sizes.senders) }, (_, i) => youthPerson(block(1) + i));
		const planReaders = Array.from({ length: most(sizes.planReaders) }, (_, i) => youthPerson(block(2) + i));
		const guides = Array.from({ length: Math.min(sizes.guides, SCALE.guides - 1) }, (_, i) => {
			const username = guideName(i + 2);
			return session(username, userId.get(username) as string);
		});
		// Four in five streams are young people's (their guide writes); one in five are guides'
		// (one of their young people writes). Each guide holds at most one stream.
		const pairs: Pair[] = [];
		const guideSessions = new Map<string, Person>();
		const guideSession = (id: string) => {
			let p = guideSessions.get(id);
			if (!p) {
				p = session(guideUsername.get(id) as string, id);
				guideSessions.set(id, p);
			}
			return p;
		};
		const youthStreams = Math.min(Math.round(sizes.streams * 0.8), 2 * most(sizes.streams));
		for (let i = 0; pairs.length < youthStreams; i++) {
			const receiver = youthPerson(block(4) + i);
			pairs.push({ sender: guideSession(guideOf.get(receiver.id) as string), receiver, youthId: receiver.id });
		}
		const streamingGuides = new Set<string>();
		for (let i = 0; pairs.length < sizes.streams && i < 2 * most(sizes.streams); i++) {
			const sender = youthPerson(block(6) + i);
			const guide = guideOf.get(sender.id) as string;
			if (streamingGuides.has(guide) || guideSessions.has(guide)) continue;
			streamingGuides.add(guide);
			pairs.push({ sender, receiver: session(guideUsername.get(guide) as string, guide), youthId: sender.id });
		}
		return {
			coordinator: session(coordinatorName(1), userId.get(coordinatorName(1)) as string),
			someGuideId: guideId,
			youth: { username: youthName(1), id: youthId },
			guide: { username: guideUsername.get(guideId) as string, id: guideId, caseload },
			senders,
			planReaders,
			guides,
			pairs
		};
	})();
	sqlite.close();
	return cast;
}
