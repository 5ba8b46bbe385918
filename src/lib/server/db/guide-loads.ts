/**
 * Each guide's number of young people now (`guide_profiles.current_youth`), kept by triggers on
 * `guide_assignments` and `guide_profiles` so the directory and the visitation read it instead of
 * counting every active assignment in the municipality (issue 23: about 15 ms per view at 100,000
 * young people). Each trigger counts one guide's active assignments, a range of the
 * `guide_assignments_guide_idx` index as long as that guide's list. The migration that made the
 * column holds the same statements (`guide-loads.test.ts` checks that they have not drifted and
 * that the triggers leave what a fresh fill would); the bench's generator fills it after loading
 * with the triggers off.
 */

const count = (guide: string) => `(SELECT count(*) FROM guide_assignments ga WHERE ga.guide_id = ${guide} AND ga.ended_at IS NULL)`;
const refresh = (guide: string) => `UPDATE guide_profiles SET current_youth = ${count(guide)} WHERE user_id = ${guide};`;

function trigger(name: string, event: string, table: string, body: string): string {
	return `CREATE TRIGGER guide_loads_${name} AFTER ${event} ON ${table}\nBEGIN\n\t${body}\nEND;`;
}

/** The triggers, in the order the migration creates them. */
export const GUIDE_LOAD_TRIGGERS: string[] = [
	trigger('assignment_insert', 'INSERT', 'guide_assignments', refresh('NEW.guide_id')),
	// A guide changed on the row moves a young person from one guide's count to the other's.
	trigger(
		'assignment_update',
		'UPDATE OF guide_id, ended_at',
		'guide_assignments',
		`${refresh('NEW.guide_id')}\n\t${refresh('OLD.guide_id')}`
	),
	trigger('assignment_delete', 'DELETE', 'guide_assignments', refresh('OLD.guide_id')),
	// A profile made for a guide who already has young people (an invited guide) starts at their count.
	trigger('profile_insert', 'INSERT', 'guide_profiles', refresh('NEW.user_id'))
];

/** Every guide's count made from scratch (the migration, and the bench after loading). */
export const GUIDE_LOAD_FILL = `UPDATE guide_profiles SET current_youth = ${count('guide_profiles.user_id')};`;

/** The SQL the migration runs after adding the column: the triggers, then the fill. */
export function guideLoadMigrationSql(): string {
	return [...GUIDE_LOAD_TRIGGERS, GUIDE_LOAD_FILL].join('\n--> statement-breakpoint\n');
}
