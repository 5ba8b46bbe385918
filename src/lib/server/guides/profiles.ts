/** A guide's own profile: what young people see in the directory and on their guide card. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import { guideProfiles } from '../db/schema';
import { findGuide } from './directory';
import { expectAnswer } from './answer-time';
import { workingTimeInput, type WorkingTime } from './answer-time';
import type { AnswerTimeView, ReachView } from '../../shared/guides';
import { authorize, authorizeGlobal, currentAssignment, type Actor } from '../access';
import { getSettings } from '../settings';

const profileInput = z.object({
	title: z.string().trim().min(2).max(100),
	workplace: z.string().trim().max(150),
	background: z.string().trim().min(10).max(1000),
	languages: z
		.string()
		.transform((v) =>
			v
				.split(',')
				.map((l) => l.trim())
				.filter(Boolean)
		)
		.pipe(z.array(z.string().max(40)).min(1).max(8)),
	meetingPlaces: z.string().trim().max(300),
	availability: z.string().trim().max(300)
});

const FIELD_ERRORS = {
	title: 'title',
	workplace: 'workplace',
	background: 'background',
	languages: 'languages',
	meetingPlaces: 'meets',
	availability: 'when'
} as const;
export type ProfileError = (typeof FIELD_ERRORS)[keyof typeof FIELD_ERRORS];

/** The signed-in guide's profile as young people see it, with load and capacity. */
export function ownProfile(actor: Actor) {
	authorizeGlobal(actor, 'guide.profile');
	return findGuide(actor.id);
}

/** Saves the guide's own profile (capacity and whether they are listed are the coordinator's). */
export function updateOwnProfile(actor: Actor, raw: Record<string, string>): { ok: true } | { ok: false; errors: ProfileError[] } {
	authorizeGlobal(actor, 'guide.profile');
	const parsed = profileInput.safeParse(raw);
	if (!parsed.success) {
		const fields = new Set(parsed.error.issues.map((i) => FIELD_ERRORS[i.path[0] as keyof typeof FIELD_ERRORS] ?? 'title'));
		return { ok: false, errors: [...fields] };
	}
	const { workplace, ...rest } = parsed.data;
	const values = { ...rest, workplace: workplace || null };
	db()
		.insert(guideProfiles)
		.values({ userId: actor.id, ...values })
		.onConflictDoUpdate({ target: guideProfiles.userId, set: values })
		.run();
	return { ok: true };
}

export const WORKING_TIME_FIELDS = ['days', 'from', 'to', 'awayFrom', 'awayUntil', 'awayText'] as const;
export type WorkingTimeField = (typeof WORKING_TIME_FIELDS)[number];
/** A field in error, or `profile`: the guide has no profile yet to add it to. */
export type WorkingTimeError = WorkingTimeField | 'profile';

const DEFAULT_WORKING_TIME: WorkingTime = {
	days: [1, 2, 3, 4, 5],
	from: '09:00',
	to: '15:00',
	awayFrom: null,
	awayUntil: null,
	awayText: null
};

/** A guide's working time as stored (the defaults before their profile exists). */
export function workingTimeOf(guideId: string): WorkingTime {
	const row = db()
		.select({
			days: guideProfiles.workDays,
			from: guideProfiles.workFrom,
			to: guideProfiles.workTo,
			awayFrom: guideProfiles.awayFrom,
			awayUntil: guideProfiles.awayUntil,
			awayText: guideProfiles.awayText
		})
		.from(guideProfiles)
		.where(eq(guideProfiles.userId, guideId))
		.get();
	return row ?? DEFAULT_WORKING_TIME;
}

/** The signed-in guide's working days and hours and away period. */
export function ownWorkingTime(actor: Actor): WorkingTime {
	authorizeGlobal(actor, 'guide.profile');
	return workingTimeOf(actor!.id);
}

/** Saves the guide's working time from its form; the fields in error otherwise. */
export function updateWorkingTime(
	actor: Actor,
	form: FormData
): { ok: true } | { ok: false; errors: WorkingTimeError[]; values: WorkingTime } {
	authorizeGlobal(actor, 'guide.profile');
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
	};
	const parsed = workingTimeInput.safeParse({
		days: form.getAll('days'),
		from: text('from') ?? '',
		to: text('to') ?? '',
		awayFrom: text('awayFrom'),
		awayUntil: text('awayUntil'),
		awayText: text('awayText')
	});
	if (!parsed.success) {
		const fields = new Set(parsed.error.issues.map((i) => i.path[0] as WorkingTimeField));
		return { ok: false, errors: WORKING_TIME_FIELDS.filter((f) => fields.has(f)), values: workingTimeValues(form) };
	}
	const { days, from, to, awayFrom, awayUntil, awayText } = parsed.data;
	const values = { workDays: days, workFrom: from, workTo: to, awayFrom, awayUntil, awayText };
	const updated = db().update(guideProfiles).set(values).where(eq(guideProfiles.userId, actor!.id)).run();
	// A guide without a profile yet saves their profile first (its title and background are required).
	return updated.changes === 1 ? { ok: true } : { ok: false, errors: ['profile'], values: workingTimeValues(form) };
}

/** What the form sent, as typed, to show again with its errors. */
function workingTimeValues(form: FormData): WorkingTime {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		days: form
			.getAll('days')
			.map(Number)
			.filter((d) => Number.isInteger(d)),
		from: text('from'),
		to: text('to'),
		awayFrom: text('awayFrom') || null,
		awayUntil: text('awayUntil') || null,
		awayText: text('awayText') || null
	};
}

/**
 * When the young person's guide can be expected to answer; null without a guide (the unit answers).
 * While the guide is away, also where to turn instead: the youth unit, which then reads and answers
 * the conversation too (access/rules.ts).
 */
export function guideAnswerTime(actor: Actor, youthId: string, now = new Date()): AnswerTimeView | null {
	authorize(actor, 'guide.read', youthId);
	const assignment = currentAssignment(youthId);
	const guide = assignment ? findGuide(assignment.guideId) : null;
	if (!assignment || !guide) return null;
	const answer = expectAnswer(workingTimeOf(assignment.guideId), now);
	const at = answer.kind === 'next' ? answer.at : answer.kind === 'away' ? answer.back : null;
	const { unitName, unitPhone } = getSettings();
	return {
		guideName: guide.displayName,
		kind: answer.kind,
		at: at?.toISOString() ?? null,
		text: answer.kind === 'away' ? answer.text : null,
		unit: answer.kind === 'away' ? { name: unitName, phone: unitPhone } : null
	};
}

/**
 * When the young person can reach someone (issue 20): the guide's answer time (above) and the youth
 * unit's opening hours. The one source for /guide and /messages.
 */
export function reachTimes(actor: Actor, youthId: string, now = new Date()): ReachView {
	const answer = guideAnswerTime(actor, youthId, now);
	const { unitName, unitPhone, openingHours } = getSettings();
	return { answer, unit: { name: unitName, phone: unitPhone, openingHours } };
}
