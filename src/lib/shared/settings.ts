/** The municipality's settings as the pages show them (server/settings reads them). */

/** How to reach the youth unit, on the page of a young person without a plan yet. */
export interface Unit {
	name: string;
	phone: string;
	address: string;
	email: string | null;
	openingHours: string;
}

/**
 * What the public pages (issue 20: /om, /privatlivspolitik, /tilgaengelighed) show: who is
 * responsible for Minvej, how to reach the youth unit, and the periods the privacy notice names,
 * as the code keeps them.
 */
export interface PublicInfo {
	/** The data controller: the municipality. */
	municipality: string;
	unit: Unit;
	/** The access log ("who has looked") is deleted after this many days (settings). */
	accessLogRetentionDays: number;
	/** Under this age a consent to a department also needs a custody holder's yes (rule 4). */
	selfConsentAge: number;
	/** A young person's or a parent's login ends after this many days unused … */
	sessionIdleDays: number;
	/** … and at the latest this many days after it began. */
	sessionMaxDays: number;
	/** An invite code can be used for this many days. */
	inviteDays: number;
}
