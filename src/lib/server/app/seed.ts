/**
 * The demo municipality, "Eksempel Kommune": seeded into an empty database at start-up unless
 * DEMO_SEED=false. Every account's password is `minvej-demo`. Dates are relative to the day of
 * seeding so that the demo always has an upcoming meeting and a recently given consent.
 */
import { addDays, format, subDays, subYears } from 'date-fns';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth';
import { TZDate } from '@date-fns/tz';
import { TIME_ZONE, todayIso } from '../dates';
import { newId } from '../ids';
import type { Db } from '../db/client';
import * as s from '../db/schema';

export const DEMO_PASSWORD = 'minvej-demo';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** Wording shown for a department consent in the demo's history. */
const DEPARTMENT_WORDING =
	'Jeg giver lov til, at min guide må dele de valgte oplysninger med afdelingen, så de kan hjælpe mig med min plan. Jeg kan trække samtykket tilbage når som helst.';
const PARENT_WORDING = 'Jeg giver lov til, at min forælder må se de valgte dele af Minvej.';

export function isEmpty(database: Db): boolean {
	const row = database.get<{ n: number }>(sql`select count(*) as n from users`);
	return (row?.n ?? 0) === 0;
}

/** Seeds the demo if the database has no users yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(database: Db, now = new Date()): Promise<boolean> {
	if (!isEmpty(database)) return false;
	await seedDemo(database, now);
	return true;
}

export async function seedDemo(database: Db, now = new Date()) {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const today = new Date(`${todayIso(now)}T12:00:00Z`);
	const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
	/** `days` from today at `hour`:`minute` Copenhagen time. */
	const at = (days: number, hour: number, minute = 0) => {
		const d = addDays(today, days);
		return new Date(new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute, 0, TIME_ZONE).getTime());
	};
	const birth = (years: number, extraDays: number) => iso(subDays(subYears(today, years), extraDays));

	const id = {
		freja: newId(),
		noah: newId(),
		amina: newId(),
		oliver: newId(),
		ida: newId(),
		mette: newId(),
		jonas: newId(),
		sofie: newId(),
		lone: newId(),
		karen: newId(),
		peter: newId(),
		ali: newId(),
		hanne: newId()
	};

	type NewUser = typeof s.users.$inferInsert;
	const person = (key: keyof typeof id, displayName: string, role: s.Role, extra: Partial<NewUser> = {}): NewUser => ({
		id: id[key],
		username: key,
		displayName,
		role,
		passwordHash,
		createdAt: ago(120),
		...extra
	});

	database.transaction((tx) => {
		tx.insert(s.settings)
			.values({
				id: 1,
				municipalityName: 'Eksempel Kommune',
				unitName: 'Ungeenheden',
				unitPhone: '70 10 20 30',
				unitAddress: 'Rådhuspladsen 1, 4500 Eksempelby',
				unitEmail: 'ungeenheden@eksempel.dk',
				openingHours: 'Mandag–torsdag 9–15, fredag 9–13',
				selfConsentAge: 15,
				visitationWeekday: 3,
				accessLogRetentionDays: 183,
				updatedAt: now
			})
			.run();

		tx.insert(s.users)
			.values([
				person('freja', 'Freja Nielsen', 'youth', {
					birthDate: birth(17, 120),
					phone: '20 11 22 33'
				}),
				person('noah', 'Noah Jensen', 'youth', { birthDate: birth(14, 150) }),
				person('amina', 'Amina Hassan', 'youth', { birthDate: birth(20, 40) }),
				person('oliver', 'Oliver Sørensen', 'youth', {
					birthDate: birth(16, 10)
				}),
				person('ida', 'Ida Poulsen', 'youth', { birthDate: birth(18, 200) }),
				person('mette', 'Mette Larsen', 'guide', {
					phone: '70 10 20 41',
					email: 'mette.larsen@eksempel.dk'
				}),
				person('jonas', 'Jonas Berg', 'guide', {
					phone: '70 10 20 42',
					email: 'jonas.berg@eksempel.dk'
				}),
				person('sofie', 'Sofie Holm', 'guide', {
					phone: '70 10 20 43',
					email: 'sofie.holm@eksempel.dk'
				}),
				person('lone', 'Lone Madsen', 'coordinator', {
					email: 'lone.madsen@eksempel.dk'
				}),
				person('karen', 'Karen Nielsen', 'parent', { phone: '40 55 66 77' }),
				person('peter', 'Peter Jensen', 'parent', { phone: '30 12 34 56' }),
				person('ali', 'Ali Demir', 'caseworker', {
					department: 'jobcenter',
					email: 'ali.demir@eksempel.dk'
				}),
				person('hanne', 'Hanne Kristensen', 'caseworker', {
					department: 'family',
					email: 'hanne.kristensen@eksempel.dk'
				})
			])
			.run();

		tx.insert(s.parentLinks)
			.values([
				{
					id: newId(),
					parentId: id.karen,
					youthId: id.freja,
					custody: true,
					relation: 'mor',
					createdBy: id.lone,
					createdAt: ago(100)
				},
				{
					id: newId(),
					parentId: id.peter,
					youthId: id.noah,
					custody: true,
					relation: 'far',
					createdBy: id.lone,
					createdAt: ago(20)
				}
			])
			.run();

		tx.insert(s.guideProfiles)
			.values([
				{
					userId: id.mette,
					title: 'Socialrådgiver',
					workplace: 'Ungeenheden',
					background:
						'Jeg har arbejdet med unge i 12 år, først på et opholdssted og nu i Ungeenheden. Jeg er god til at skabe overblik, når meget sker på én gang.',
					languages: ['dansk', 'engelsk'],
					meetingPlaces: 'Ungeenheden på Rådhuspladsen, biblioteket eller en gåtur',
					availability: 'Mandag–torsdag 9–16. Jeg svarer på beskeder samme dag.',
					capacity: 12
				},
				{
					userId: id.jonas,
					title: 'Pædagog',
					workplace: 'Ungeenheden',
					background: 'Uddannet pædagog og tidligere fodboldtræner. Jeg hjælper gerne med at finde vej til FGU, praktik eller fritidsjob.',
					languages: ['dansk', 'engelsk', 'arabisk'],
					meetingPlaces: 'Ungeenheden, FGU Eksempelby eller ude i byen',
					availability: 'Tirsdag–fredag 10–17',
					capacity: 10
				},
				{
					userId: id.sofie,
					title: 'UU-vejleder',
					workplace: 'Ungdommens Uddannelsesvejledning',
					background: 'Vejleder om valg af ungdomsuddannelse og om skift mellem uddannelser.',
					languages: ['dansk', 'engelsk', 'tysk'],
					meetingPlaces: 'UU-centret og på skolerne',
					availability: 'Mandag–fredag 8–15',
					capacity: 2
				}
			])
			.run();

		tx.insert(s.guideAssignments)
			.values([
				{
					id: newId(),
					youthId: id.freja,
					guideId: id.mette,
					startedAt: ago(90),
					assignedBy: id.lone
				},
				{
					id: newId(),
					youthId: id.amina,
					guideId: id.jonas,
					startedAt: ago(200),
					assignedBy: id.lone
				},
				{
					id: newId(),
					youthId: id.oliver,
					guideId: id.sofie,
					startedAt: ago(60),
					assignedBy: id.lone
				},
				{
					id: newId(),
					youthId: id.ida,
					guideId: id.sofie,
					startedAt: ago(45),
					assignedBy: id.lone
				}
			])
			.run();

		// Freja's plan: a carpentry apprenticeship (EUD).
		const frejaPlan = newId();
		tx.insert(s.plans)
			.values({
				id: frejaPlan,
				youthId: id.freja,
				goalType: 'education',
				goalText: 'Jeg vil være tømrerlærling og tage en erhvervsuddannelse (EUD) som tømrer.',
				targetDate: iso(addDays(today, 240)),
				currentSituation: 'Jeg går i 10. klasse og har været en uge i praktik hos et tømrerfirma. Det gik godt.',
				version: 3,
				agreedVersion: 3,
				agreedAt: ago(10),
				createdAt: ago(85),
				updatedAt: ago(12)
			})
			.run();
		type NewStep = typeof s.planSteps.$inferInsert;
		const step = (position: number, v: Omit<NewStep, 'id' | 'planId' | 'position' | 'updatedAt'>): NewStep => ({
			id: newId(),
			planId: frejaPlan,
			position,
			updatedAt: ago(12),
			createdAt: ago(80),
			...v
		});
		tx.insert(s.planSteps)
			.values([
				step(1, {
					title: 'Afklaringssamtale om uddannelsesvalg',
					description: 'Samtale med UU om, hvilke erhvervsuddannelser der passer til dig.',
					ownerKind: 'department',
					ownerDepartment: 'uu',
					status: 'done',
					dueDate: iso(subDays(today, 40)),
					completedAt: ago(42)
				}),
				step(2, {
					title: 'Send din ansøgning til praktikpladsen hos Hansen Byg',
					description: 'Brug det CV, du har lavet med Mette. Husk at skrive, hvorfor du vil være tømrer.',
					ownerKind: 'youth',
					status: 'todo',
					dueDate: iso(subDays(today, 3))
				}),
				step(3, {
					title: 'Lav et CV sammen med din guide',
					description: 'Vi tager udgangspunkt i din praktik og dit fritidsjob i Netto.',
					ownerKind: 'guide',
					ownerUserId: id.mette,
					status: 'doing',
					dueDate: iso(addDays(today, 10))
				}),
				step(4, {
					title: 'Find en læreplads inden for tømrerfaget',
					description: 'Jobcentret hjælper med kontakt til virksomheder, der tager lærlinge.',
					ownerKind: 'caseworker',
					ownerDepartment: 'jobcenter',
					ownerUserId: id.ali,
					status: 'doing',
					dueDate: iso(addDays(today, 90))
				}),
				step(5, {
					title: 'Tilmeld dig grundforløb 1 på EUD',
					description: 'Tilmeldingen sker på optagelse.dk. Din guide kan hjælpe.',
					ownerKind: 'youth',
					status: 'todo',
					dueDate: iso(addDays(today, 45))
				})
			])
			.run();
		tx.insert(s.meetings)
			.values([
				{
					id: newId(),
					planId: frejaPlan,
					startsAt: at(5, 10),
					durationMinutes: 60,
					place: 'Ungeenheden, Rådhuspladsen 1, mødelokale 2',
					withWhom: 'Mette Larsen (din guide) og Ali Demir (jobcenter)',
					bring: 'Dit CV og din telefon med MitID',
					createdBy: id.mette,
					createdAt: ago(12)
				},
				{
					id: newId(),
					planId: frejaPlan,
					startsAt: at(26, 14),
					durationMinutes: 45,
					place: 'Hansen Byg, Industrivej 8',
					withWhom: 'Mette Larsen og mester hos Hansen Byg',
					bring: 'Arbejdstøj og sikkerhedssko',
					createdBy: id.mette,
					createdAt: ago(12)
				}
			])
			.run();
		tx.insert(s.planHistory)
			.values([
				{
					id: newId(),
					planId: frejaPlan,
					actorId: id.mette,
					action: 'plan_created',
					details: {},
					createdAt: ago(85)
				},
				{
					id: newId(),
					planId: frejaPlan,
					actorId: id.mette,
					action: 'step_added',
					details: { title: 'Find en læreplads inden for tømrerfaget' },
					createdAt: ago(80)
				},
				{
					id: newId(),
					planId: frejaPlan,
					actorId: id.freja,
					action: 'plan_agreed',
					details: {},
					createdAt: ago(10)
				}
			])
			.run();

		// Amina's plan: FGU as a preparatory step.
		const aminaPlan = newId();
		tx.insert(s.plans)
			.values({
				id: aminaPlan,
				youthId: id.amina,
				goalType: 'preparatory',
				goalText: 'Gennemføre FGU og finde ud af, om jeg vil være social- og sundhedshjælper.',
				targetDate: iso(addDays(today, 300)),
				currentSituation: 'Jeg går på FGU (almen grunduddannelse) og har fritidsjob i en børnehave.',
				version: 1,
				createdAt: ago(190),
				updatedAt: ago(190)
			})
			.run();
		tx.insert(s.planSteps)
			.values([
				{
					id: newId(),
					planId: aminaPlan,
					title: 'Bestå dansk og matematik på FGU-niveau 2',
					ownerKind: 'department',
					ownerDepartment: 'fgu',
					status: 'doing',
					position: 1,
					dueDate: iso(addDays(today, 120)),
					updatedAt: ago(100)
				},
				{
					id: newId(),
					planId: aminaPlan,
					title: 'Praktik på plejecenter i to uger',
					ownerKind: 'guide',
					ownerUserId: id.jonas,
					status: 'todo',
					position: 2,
					dueDate: iso(addDays(today, 60)),
					updatedAt: ago(100)
				}
			])
			.run();
		tx.insert(s.planHistory)
			.values({
				id: newId(),
				planId: aminaPlan,
				actorId: id.jonas,
				action: 'plan_created',
				details: {},
				createdAt: ago(190)
			})
			.run();

		// Consents: Freja shares with UU and the jobcenter, and shows her plan to her mother.
		const consent = (
			recipient: { department: s.Department } | { parentId: string },
			dataKinds: s.DataKind[],
			purpose: string,
			daysAgo: number
		): typeof s.consentRecords.$inferInsert => ({
			id: newId(),
			youthId: id.freja,
			action: 'give',
			recipientKind: 'department' in recipient ? 'department' : 'parent',
			department: 'department' in recipient ? recipient.department : null,
			parentId: 'parentId' in recipient ? recipient.parentId : null,
			dataKinds,
			purpose,
			wordingVersion: 'seed-2026-1',
			wordingText: 'department' in recipient ? DEPARTMENT_WORDING : PARENT_WORDING,
			actorId: id.freja,
			createdAt: ago(daysAgo)
		});
		tx.insert(s.consentRecords)
			.values([
				consent({ department: 'uu' }, ['plan', 'guide', 'meetings'], 'Vejledning om valg af uddannelse', 80),
				consent({ department: 'jobcenter' }, ['plan', 'guide', 'meetings'], 'Hjælp til at finde en læreplads', 60),
				consent({ parentId: id.karen }, ['plan'], 'Min mor må følge med i min plan', 30)
			])
			.run();

		tx.insert(s.youthStatusHistory)
			.values([
				{
					id: newId(),
					youthId: id.freja,
					status: 'preparatory',
					programme: 'grade10',
					detail: '10. klasse',
					setBy: id.mette,
					createdAt: ago(85)
				},
				{
					id: newId(),
					youthId: id.amina,
					status: 'preparatory',
					detail: 'FGU',
					setBy: id.jonas,
					createdAt: ago(190)
				},
				{
					id: newId(),
					youthId: id.noah,
					status: 'primary_school',
					detail: '8. klasse',
					setBy: id.lone,
					createdAt: ago(20)
				}
			])
			.run();

		// A short conversation between Freja and Mette.
		const thread = newId();
		tx.insert(s.messageThreads)
			.values({
				id: thread,
				youthId: id.freja,
				guideId: id.mette,
				createdAt: ago(88),
				lastSeq: 3
			})
			.run();
		tx.insert(s.messages)
			.values([
				{
					id: newId(),
					threadId: thread,
					senderId: id.mette,
					clientId: newId(),
					seq: 1,
					body: 'Hej Freja! Jeg er Mette, din guide. Skriv endelig her, hvis der er noget.',
					createdAt: ago(88)
				},
				{
					id: newId(),
					threadId: thread,
					senderId: id.freja,
					clientId: newId(),
					seq: 2,
					body: 'Hej Mette. Tak! Kan vi tale om praktikpladsen på torsdag?',
					createdAt: ago(3)
				},
				{
					id: newId(),
					threadId: thread,
					senderId: id.mette,
					clientId: newId(),
					seq: 3,
					body: 'Ja, det gør vi. Tag gerne dit CV med.',
					createdAt: ago(2)
				}
			])
			.run();
		tx.insert(s.messageReads)
			.values([
				{
					threadId: thread,
					userId: id.freja,
					deliveredSeq: 3,
					readSeq: 2,
					updatedAt: ago(2)
				},
				{
					threadId: thread,
					userId: id.mette,
					deliveredSeq: 2,
					readSeq: 2,
					updatedAt: ago(2)
				}
			])
			.run();
	});
}
