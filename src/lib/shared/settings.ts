/** The municipality's settings as the pages show them (server/settings reads them). */

/** How to reach the youth unit, on the page of a young person without a plan yet. */
export interface Unit {
	name: string;
	phone: string;
	address: string;
	email: string | null;
	openingHours: string;
}
