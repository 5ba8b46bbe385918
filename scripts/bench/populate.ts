/**
 * The generated municipality's people and plans: staff, young people (each with a guide and a
 * plan), parents, consents, follow-up and the access log. Messages are in populate-messages.ts.
 * Writes with raw prepared statements into a database without secondary indexes (generate.ts).
 */
import type Database from 'better-sqlite3';
import { DEPARTMENTS, STEP_STATUSES, YOUTH_STATUSES } from '../../src/lib/shared/domain';
import { dueDatesUntil } from '../../src/lib/server/followup';
import { caseworkerName, coordinatorName, guideName, parentName, SCALE, youthName, type IdPool, type Random } from './common';
import { populateMessages, type Conversation } from './populate-messages';
import { COMMENTS, CONSENT_WORDING, GOALS, PLACES, personName, SITUATIONS, STEPS } from './texts';

export interface PopulateOptions {
	passwordHash: string;
	now: number;
	random: Random;
	ids: IdPool;
	log: (line: string) => void;
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An INSERT for these columns, as a prepared statement taking the values in order. */
export function inserter(sqlite: Database.Database, table: string, columns: string[]) {
	const stmt = sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
	return (...values: unknown[]) => stmt.run(...values);
}

export function populate(sqlite: Database.Database, o: PopulateOptions): Record<string, number> {
	const { random: r, ids, now, log } = o;
	let phase = performance.now();
	const done = (what: string) => {
		log(`  ${what}: ${((performance.now() - phase) / 1000).toFixed(1)} s`);
		phase = performance.now();
	};
	const tx = (fn: () => void) => sqlite.transaction(fn)();

	const addUser = inserter(sqlite, 'users', [
		'id',
		'username',
		'display_name',
		'role',
		'department',
		'birth_date',
		'password_hash',
		'phone',
		'email',
		'created_at'
	]);
	const guides: string[] = [];
	const caseworkers: { id: string; department: string }[] = [];
	const coordinators: string[] = [];
	const youth: string[] = [];
	const youthBirth: string[] = [];
	const youthCreated = new Float64Array(SCALE.youth);

	tx(() => {
		sqlite
			.prepare(
				`insert into settings (id, municipality_name, unit_name, unit_phone, unit_address, unit_email, opening_hours,
				 self_consent_age, visitation_weekday, access_log_retention_days, updated_at) values (1, ?, ?, ?, ?, ?, ?, 15, 3, 183, ?)`
			)
			.run(
				'Storby Kommune',
				'Ungeenheden',
				'70 10 20 30',
				'Rådhuspladsen 1, 8000 Storby',
				'ungeenheden@storby.dk',
				'Mandag–torsdag 9–15, fredag 9–13',
				now
			);
		const staffCreated = () => now - r.int(30, 1500) * DAY;
		for (let n = 1; n <= SCALE.coordinators; n++) {
			const id = ids.next();
			coordinators.push(id);
			addUser(
				id,
				coordinatorName(n),
				personName(r),
				'coordinator',
				null,
				null,
				o.passwordHash,
				null,
				`${coordinatorName(n)}@storby.dk`,
				staffCreated()
			);
		}
		for (let n = 1; n <= SCALE.guides; n++) {
			const id = ids.next();
			guides.push(id);
			addUser(
				id,
				guideName(n),
				personName(r),
				'guide',
				null,
				null,
				o.passwordHash,
				'70 10 20 40',
				`${guideName(n)}@storby.dk`,
				staffCreated()
			);
		}
		for (let n = 1; n <= SCALE.caseworkers; n++) {
			const id = ids.next();
			const department = DEPARTMENTS[n % DEPARTMENTS.length]!;
			caseworkers.push({ id, department });
			addUser(
				id,
				caseworkerName(n),
				personName(r),
				'caseworker',
				department,
				null,
				o.passwordHash,
				null,
				`${caseworkerName(n)}@storby.dk`,
				staffCreated()
			);
		}
		for (let n = 1; n <= SCALE.youth; n++) {
			const id = ids.next();
			// Ages 13–25, most of them 15–19.
			const age = r.chance(0.6) ? r.int(15, 19) : r.int(13, 25);
			const birth = isoDay(now - age * 365.25 * DAY - r.int(0, 364) * DAY);
			const created = now - r.int(7, 3 * 365) * DAY;
			youth.push(id);
			youthBirth.push(birth);
			youthCreated[n - 1] = created;
			addUser(id, youthName(n), personName(r), 'youth', null, birth, o.passwordHash, r.chance(0.7) ? '20 11 22 33' : null, null, created);
		}
	});
	done(`users (${SCALE.coordinators + SCALE.guides + SCALE.caseworkers} staff, ${SCALE.youth} young people)`);

	// Guides: a profile each, and a caseload of 45–75 young people drawn from shuffled slots.
	const addProfile = inserter(sqlite, 'guide_profiles', [
		'user_id',
		'title',
		'workplace',
		'background',
		'languages',
		'meeting_places',
		'availability',
		'capacity',
		'listed'
	]);
	const slots: number[] = [];
	tx(() => {
		guides.forEach((id, g) => {
			const capacity = r.int(45, 75);
			for (let i = 0; i < capacity; i++) slots.push(g);
			addProfile(
				id,
				r.pick(['Socialrådgiver', 'Pædagog', 'UU-vejleder', 'Mentor']),
				'Ungeenheden',
				'Jeg har arbejdet med unge i mange år og er god til at skabe overblik.',
				JSON.stringify(['dansk', 'engelsk']),
				'Ungeenheden eller biblioteket',
				'Mandag–torsdag 9–16',
				capacity,
				1
			);
		});
	});
	while (slots.length < SCALE.youth) slots.push(r.int(0, guides.length - 1));
	for (let i = slots.length - 1; i > 0; i--) {
		const j = Math.floor(r.float() * (i + 1));
		[slots[i], slots[j]] = [slots[j]!, slots[i]!];
	}
	const guideOf = Int32Array.from({ length: SCALE.youth }, (_, y) => slots[y]!);
	// One in ten had another guide before: an ended assignment and a closed conversation.
	const addAssignment = inserter(sqlite, 'guide_assignments', ['id', 'youth_id', 'guide_id', 'started_at', 'ended_at', 'assigned_by']);
	const conversations: Conversation[] = [];
	tx(() => {
		for (let y = 0; y < SCALE.youth; y++) {
			const created = youthCreated[y]!;
			let start = created + r.int(0, 20) * DAY;
			if (start > now - DAY) start = now - DAY;
			if (r.chance(0.1) && now - start > 60 * DAY) {
				const previous = (guideOf[y]! + 1 + r.int(0, guides.length - 2)) % guides.length;
				const switched = start + r.float() * (now - start - 30 * DAY);
				addAssignment(ids.next(), youth[y], guides[previous], start, switched, r.pick(coordinators));
				conversations.push({ youthId: youth[y]!, guideId: guides[previous]!, start, end: switched, closedAt: switched });
				start = switched;
			}
			addAssignment(ids.next(), youth[y], guides[guideOf[y]!], start, null, r.pick(coordinators));
			conversations.push({ youthId: youth[y]!, guideId: guides[guideOf[y]!]!, start, end: now - r.exp(20) * DAY, closedAt: null });
		}
	});
	done('guide profiles and assignments');

	// Parents for three in ten; custody while the young person is under 18.
	const addLink = inserter(sqlite, 'parent_links', ['id', 'parent_id', 'youth_id', 'custody', 'relation', 'created_by', 'created_at']);
	let parents = 0;
	tx(() => {
		for (let y = 0; y < SCALE.youth; y++) {
			if (!r.chance(0.3)) continue;
			const id = ids.next();
			parents++;
			addUser(id, parentName(parents), personName(r), 'parent', null, null, o.passwordHash, '40 55 66 77', null, youthCreated[y]);
			const under18 = youthBirth[y]! > isoDay(now - 18 * 365.25 * DAY);
			addLink(ids.next(), id, youth[y], under18 ? 1 : 0, r.pick(['mor', 'far']), r.pick(coordinators), youthCreated[y]);
		}
	});
	done(`parents (${parents})`);

	populatePlans(sqlite, o, { youth, guides, guideOf, caseworkers, youthCreated });
	done('plans, steps, history, comments, meetings');

	// Consents: four in ten of those 16 and over share with one or two departments.
	const addConsent = inserter(sqlite, 'consent_records', [
		'id',
		'youth_id',
		'action',
		'recipient_kind',
		'department',
		'data_kinds',
		'purpose',
		'wording_version',
		'wording_text',
		'actor_id',
		'created_at'
	]);
	const sixteen = isoDay(now - 16 * 365.25 * DAY);
	tx(() => {
		for (let y = 0; y < SCALE.youth; y++) {
			if (youthBirth[y]! > sixteen || !r.chance(0.4)) continue;
			const first = r.int(0, DEPARTMENTS.length - 1);
			const count = r.chance(0.6) ? 1 : 2;
			for (let k = 0; k < count; k++) {
				const department = DEPARTMENTS[(first + k) % DEPARTMENTS.length];
				const given = now - r.int(1, 300) * DAY;
				const kinds = JSON.stringify(['plan', 'guide', 'meetings']);
				addConsent(
					ids.next(),
					youth[y],
					'give',
					'department',
					department,
					kinds,
					'Hjælp med min plan',
					'bench-1',
					CONSENT_WORDING,
					youth[y],
					given
				);
				if (r.chance(0.1))
					addConsent(
						ids.next(),
						youth[y],
						'withdraw',
						'department',
						department,
						kinds,
						'Hjælp med min plan',
						'bench-1',
						CONSENT_WORDING,
						youth[y],
						given + r.int(1, 30) * 3_600_000
					);
			}
		}
	});
	done('consents');

	// Status, follow-up rhythms (one in four) with their check-ins, and a few open guide requests.
	const addStatus = inserter(sqlite, 'youth_status_history', ['id', 'youth_id', 'status', 'detail', 'set_by', 'created_at']);
	const addSchedule = inserter(sqlite, 'checkin_schedules', [
		'id',
		'youth_id',
		'interval_days',
		'starts_on',
		'ends_on',
		'created_by',
		'created_at'
	]);
	const addCheckin = inserter(sqlite, 'checkins', [
		'id',
		'youth_id',
		'schedule_id',
		'due_on',
		'answered_at',
		'score',
		'comment',
		'created_at'
	]);
	const addRequest = inserter(sqlite, 'guide_requests', [
		'id',
		'youth_id',
		'requested_by',
		'kind',
		'reason',
		'status',
		'created_at',
		'updated_at'
	]);
	const addRequestEvent = inserter(sqlite, 'guide_request_events', ['id', 'request_id', 'actor_id', 'action', 'created_at']);
	const today = isoDay(now);
	tx(() => {
		for (let y = 0; y < SCALE.youth; y++) {
			const guide = guides[guideOf[y]!]!;
			addStatus(ids.next(), youth[y], r.pick(YOUTH_STATUSES), null, guide, youthCreated[y]);
			if (r.chance(0.25)) {
				const schedule = ids.next();
				const interval = r.pick([7, 14, 28]);
				const startsOn = isoDay(now - r.int(14, 120) * DAY);
				addSchedule(schedule, youth[y], interval, startsOn, null, guide, now - 120 * DAY);
				for (const dueOn of dueDatesUntil({ intervalDays: interval, startsOn, endsOn: null, stoppedOn: null }, today)) {
					const due = Date.parse(`${dueOn}T08:00:00Z`);
					const answered = dueOn < today && r.chance(0.8);
					addCheckin(
						ids.next(),
						youth[y],
						schedule,
						dueOn,
						answered ? due + r.int(1, 30) * 3_600_000 : null,
						answered ? r.pick([1, 2, 3, 3, 4, 4, 4, 5, 5]) : null,
						answered && r.chance(0.2) ? 'Det går okay.' : null,
						due
					);
				}
			}
			if (r.chance(0.003)) {
				const request = ids.next();
				const at = now - r.int(1, 10) * DAY;
				addRequest(request, youth[y], youth[y], 'change', 'Jeg vil gerne have en anden guide.', 'open', at, at);
				addRequestEvent(ids.next(), request, youth[y], 'sent', at);
			}
		}
	});
	done('status, check-ins, guide requests');

	populateMessages(sqlite, o, conversations);
	done(`conversations (${conversations.length}) and ${SCALE.messages} messages with their events and read marks`);

	// Six months of the access log: staff reading plans and conversations.
	const addAccess = inserter(sqlite, 'access_log', [
		'id',
		'youth_id',
		'actor_id',
		'actor_role',
		'actor_department',
		'resource',
		'created_at'
	]);
	tx(() => {
		for (let i = 0; i < SCALE.accessLog; i++) {
			const y = r.int(0, SCALE.youth - 1);
			const byCaseworker = r.chance(0.1) ? r.pick(caseworkers) : null;
			addAccess(
				ids.next(),
				youth[y],
				byCaseworker?.id ?? guides[guideOf[y]!],
				byCaseworker ? 'caseworker' : 'guide',
				byCaseworker?.department ?? null,
				r.pick(['plan', 'plan_overview', 'messages', 'meetings']),
				now - r.float() * 180 * DAY
			);
		}
	});
	done(`access log (${SCALE.accessLog})`);

	const counts: Record<string, number> = {};
	for (const { name } of sqlite
		.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`)
		.all() as { name: string }[]) {
		counts[name] = (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
	}
	return counts;
}

interface People {
	youth: string[];
	guides: string[];
	guideOf: Int32Array;
	caseworkers: { id: string; department: string }[];
	youthCreated: Float64Array;
}

/** Every young person's plan: a goal, 3–8 steps owned by named parties, history, comments, meetings. */
function populatePlans(sqlite: Database.Database, o: PopulateOptions, p: People) {
	const { random: r, ids, now } = o;
	const addPlan = inserter(sqlite, 'plans', [
		'id',
		'youth_id',
		'goal_type',
		'goal_text',
		'target_date',
		'current_situation',
		'version',
		'agreed_version',
		'agreed_at',
		'created_at',
		'updated_at'
	]);
	const addStep = inserter(sqlite, 'plan_steps', [
		'id',
		'plan_id',
		'title',
		'description',
		'owner_kind',
		'owner_department',
		'owner_user_id',
		'due_date',
		'status',
		'position',
		'proposed_by',
		'version',
		'created_at',
		'updated_at',
		'completed_at'
	]);
	const addHistory = inserter(sqlite, 'plan_history', ['id', 'plan_id', 'actor_id', 'action', 'details', 'created_at']);
	const addComment = inserter(sqlite, 'step_comments', ['id', 'step_id', 'author_id', 'body', 'created_at']);
	const addMeeting = inserter(sqlite, 'meetings', [
		'id',
		'plan_id',
		'starts_at',
		'duration_minutes',
		'place',
		'with_whom',
		'bring',
		'created_by',
		'created_at',
		'cancelled_at'
	]);
	const byDepartment = new Map<string, string[]>();
	for (const c of p.caseworkers) byDepartment.set(c.department, [...(byDepartment.get(c.department) ?? []), c.id]);
	const weights: (typeof STEP_STATUSES)[number][] = [
		'done',
		'done',
		'done',
		'done',
		'doing',
		'doing',
		'todo',
		'todo',
		'todo',
		'proposed',
		'declined'
	];

	sqlite.transaction(() => {
		for (let y = 0; y < p.youth.length; y++) {
			const youthId = p.youth[y]!;
			const guide = p.guides[p.guideOf[y]!]!;
			const plan = ids.next();
			const created = p.youthCreated[y]! + r.int(0, 14) * DAY;
			const updated = created + r.float() * Math.max(0, now - created);
			const [goalType, goalText] = r.pick(GOALS);
			const version = r.int(1, 8);
			const agreed = r.float();
			addPlan(
				plan,
				youthId,
				goalType,
				goalText,
				isoDay(now + r.int(30, 400) * DAY),
				r.pick(SITUATIONS),
				version,
				agreed < 0.6 ? version : agreed < 0.8 && version > 1 ? version - 1 : null,
				agreed < 0.8 ? updated : null,
				created,
				updated
			);
			addHistory(ids.next(), plan, guide, 'plan_created', '{}', created);
			const steps = r.int(3, 8);
			for (let k = 1; k <= steps; k++) {
				const s = r.pick(STEPS);
				const status = r.pick(weights);
				const department = s.owner === 'department' || s.owner === 'caseworker' ? r.pick(DEPARTMENTS) : null;
				const owner = s.owner === 'guide' ? guide : s.owner === 'caseworker' ? r.pick(byDepartment.get(department!)!) : null;
				const step = ids.next();
				const stepCreated = created + r.float() * Math.max(0, updated - created);
				addStep(
					step,
					plan,
					s.title,
					s.description,
					s.owner,
					department,
					owner,
					isoDay(now + r.int(-60, 120) * DAY),
					status,
					k,
					status === 'proposed' || status === 'declined' ? youthId : null,
					1,
					stepCreated,
					stepCreated,
					status === 'done' ? updated : null
				);
				addHistory(
					ids.next(),
					plan,
					status === 'proposed' ? youthId : guide,
					status === 'proposed' ? 'step_proposed' : 'step_added',
					JSON.stringify({ title: s.title }),
					stepCreated
				);
				if (r.chance(0.2)) addComment(ids.next(), step, r.chance(0.5) ? youthId : guide, r.pick(COMMENTS), stepCreated + DAY);
			}
			if (agreed < 0.8) addHistory(ids.next(), plan, youthId, 'plan_agreed', '{}', updated);
			const meetingCount = r.int(0, 3);
			for (let k = 0; k < meetingCount; k++) {
				const starts = Math.round((now + r.int(-90, 45) * DAY) / 3_600_000) * 3_600_000;
				addMeeting(
					ids.next(),
					plan,
					starts,
					r.pick([30, 45, 60]),
					r.pick(PLACES),
					'Din guide',
					r.chance(0.5) ? 'Dit CV' : '',
					guide,
					Math.min(starts, now) - 7 * DAY,
					r.chance(0.1) ? starts - DAY : null
				);
			}
		}
	})();
}
