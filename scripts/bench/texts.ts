/** Danish texts for the generated municipality: names, plan goals and steps, messages. */
import type { Random } from './common';

const FIRST = [
	'Freja',
	'Noah',
	'Amina',
	'Oliver',
	'Ida',
	'Emma',
	'William',
	'Alma',
	'Lucas',
	'Clara',
	'Oscar',
	'Ella',
	'Carl',
	'Agnes',
	'Malthe',
	'Sofia',
	'Victor',
	'Karla',
	'Elias',
	'Josefine',
	'Magnus',
	'Laura',
	'Mikkel',
	'Maja',
	'Ahmed',
	'Fatima',
	'Yusuf',
	'Zainab',
	'Mathias',
	'Anna',
	'Frederik',
	'Nora',
	'Emil',
	'Olivia',
	'Aksel',
	'Asta',
	'Mads',
	'Liva',
	'Jonas',
	'Signe'
] as const;
const LAST = [
	'Nielsen',
	'Jensen',
	'Hansen',
	'Pedersen',
	'Andersen',
	'Christensen',
	'Larsen',
	'Sørensen',
	'Rasmussen',
	'Jørgensen',
	'Petersen',
	'Madsen',
	'Kristensen',
	'Olsen',
	'Thomsen',
	'Christiansen',
	'Poulsen',
	'Johansen',
	'Møller',
	'Mortensen',
	'Hassan',
	'Ali',
	'Demir',
	'Yilmaz',
	'Holm',
	'Berg',
	'Lund',
	'Dam',
	'Bach',
	'Kjær'
] as const;

export const personName = (r: Random) => `${r.pick(FIRST)} ${r.pick(LAST)}`;

export const GOALS = [
	['education', 'Jeg vil tage en erhvervsuddannelse (EUD) som tømrer.'],
	['education', 'Jeg vil starte på HF og blive færdig om to år.'],
	['education', 'Jeg vil gennemføre grundforløbet på social- og sundhedsuddannelsen.'],
	['education', 'Jeg vil i gymnasiet (STX) efter sommerferien.'],
	['job', 'Jeg vil have et fast job på lager eller i byggemarked.'],
	['job', 'Jeg vil finde et job i en børnehave og senere læse til pædagog.'],
	['preparatory', 'Jeg vil gennemføre FGU og finde ud af, hvad jeg vil være.'],
	['preparatory', 'Jeg vil på højskole et halvt år og blive mere sikker på mig selv.'],
	['preparatory', 'Jeg vil have et praktikforløb og et fritidsjob ved siden af.']
] as const;

export const SITUATIONS = [
	'Jeg går i 9. klasse og er usikker på, hvad jeg skal bagefter.',
	'Jeg er stoppet på gymnasiet og har et fritidsjob i Netto.',
	'Jeg går på FGU og har det godt med det.',
	'Jeg har været hjemme et halvt år og vil gerne i gang igen.',
	'Jeg går i 10. klasse og har været i praktik hos en tømrer.'
] as const;

export const STEPS: readonly { title: string; description: string; owner: 'youth' | 'guide' | 'department' | 'caseworker' }[] = [
	{ title: 'Send din ansøgning til praktikpladsen', description: 'Brug det CV, du har lavet med din guide.', owner: 'youth' },
	{ title: 'Lav et CV sammen med din guide', description: 'Vi tager udgangspunkt i din praktik og dit fritidsjob.', owner: 'guide' },
	{
		title: 'Afklaringssamtale om uddannelsesvalg',
		description: 'Samtale med UU om, hvilke uddannelser der passer til dig.',
		owner: 'department'
	},
	{ title: 'Find en læreplads', description: 'Jobcentret hjælper med kontakt til virksomheder, der tager lærlinge.', owner: 'caseworker' },
	{ title: 'Tilmeld dig på optagelse.dk', description: 'Din guide kan hjælpe, hvis du går i stå.', owner: 'youth' },
	{ title: 'Besøg FGU Eksempelby', description: 'Se skolen og tal med en lærer om de tre spor.', owner: 'youth' },
	{ title: 'Møde med familieafdelingen', description: 'Vi taler om, hvad der kan gøre hverdagen derhjemme lettere.', owner: 'department' },
	{ title: 'Søg fritidsjob', description: 'Skriv til tre steder i byen, du gerne vil arbejde.', owner: 'youth' },
	{ title: 'Bestå dansk og matematik på FGU-niveau 2', description: '', owner: 'department' },
	{ title: 'Praktik i to uger', description: 'Din guide finder stedet sammen med dig.', owner: 'guide' }
];

export const PLACES = [
	'Ungeenheden, Rådhuspladsen 1, mødelokale 2',
	'Biblioteket, studierummet',
	'FGU Eksempelby, kantinen',
	'Jobcentret, Torvet 4',
	'En gåtur fra stationen'
] as const;

const FROM_GUIDE = [
	'Hej! Hvordan gik det i går?',
	'Husk vores møde på torsdag kl. 10. Tag gerne dit CV med.',
	'Jeg har talt med praktikstedet, og de vil gerne se dig.',
	'Godt gået! Det er et stort skridt.',
	'Skal vi tage en snak om det i morgen? Jeg kan ringe kl. 14.',
	'Jeg har sendt din ansøgning videre til UU. De kontakter dig inden fredag.',
	'Det lyder hårdt. Du må altid skrive, også hvis det bare er en dårlig dag.',
	'Kan du nå at udfylde skemaet på optagelse.dk inden den 1. marts?',
	'Tak for i dag. Jeg har skrevet det, vi aftalte, ind i din plan.'
] as const;
const FROM_YOUTH = [
	'Hej, det gik fint!',
	'Kan vi flytte mødet? Jeg har en tid hos lægen.',
	'Jeg ved ikke rigtig, om jeg tør ringe til dem.',
	'Okay tak',
	'Jeg har sendt ansøgningen nu 🙂',
	'Hvad skal jeg tage med til mødet?',
	'Jeg har haft en dårlig uge og er ikke kommet i skole.',
	'Min mor spørger, om hun også må komme med på torsdag.',
	'Jeg fik pladsen!!',
	'Kan du hjælpe mig med mit CV? Jeg ved ikke, hvad jeg skal skrive under erfaring.'
] as const;

/** A message of one to three sentences from the guide or the young person. */
export function messageBody(r: Random, fromYouth: boolean): string {
	const pool = fromYouth ? FROM_YOUTH : FROM_GUIDE;
	const n = r.chance(0.6) ? 1 : r.chance(0.7) ? 2 : 3;
	let body = r.pick(pool);
	for (let i = 1; i < n; i++) body += ` ${r.pick(pool)}`;
	return body;
}

export const COMMENTS = ['Det har jeg gjort nu.', 'Jeg har brug for hjælp til den her.', 'Vi tager den på mødet.', 'Super!'] as const;

export const CONSENT_WORDING =
	'Jeg giver lov til, at min guide må dele de valgte oplysninger med afdelingen, så de kan hjælpe mig med min plan. Jeg kan trække samtykket tilbage når som helst.';
