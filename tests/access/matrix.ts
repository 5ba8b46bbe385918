/**
 * The authorization matrix: for every page, form action and endpoint found under src/routes
 * (tests/access/discover.ts), the answer each role must get, in ONE table. A route missing here
 * fails tests/access.spec.ts by name; so does a row here that no longer matches a route.
 *
 * Dynamic parameters are freja's: [youthId] is Freja Nielsen (17, guide mette, consents to UU and
 * the jobcenter, shares her plan with her mother karen); [requestId] is a guide request freja
 * sends before the run; [code] an invite lone makes before the run; [audience] the citizen sign-in provider (issue 19); [userId] a guide account lone
 * makes before the run; [id] a PDF amina sends her guide jonas before the run; [stepId] the step of
 * freja's plan her guide owns; [meetingId] her next meeting; [version] the version of her plan she
 * approves before the run, which karen is asked to co-sign (see demoState in state.ts).
 *
 * Refusals are what docs/product.md and src/lib/server/access/rules.ts say: someone not logged in is sent to
 * /login (303; the JSON API answers 401); someone logged in who may not is answered 404, which
 * does not even tell that the young person exists. The consent forms answer a refusal with 403
 * (`not_allowed`, shown on the form); they are reached only with one's own or a linked young
 * person's id, so the 403 gives nothing away either. Two refusals come from a module's own rule
 * after the policy allowed the role in: 409 (a parent may withdraw only a guide request they sent
 * themselves) and 400 (a guide may link a new parent only to a young person of their own).
 *
 * A form action is sent the way `use:enhance` sends it (Accept: application/json), so that its
 * own answer is seen, not the page's load that SvelteKit runs after it. Every refused cell is sent
 * the `probe` body of BODIES: a valid request that WOULD change data if it got through; every
 * allowed cell is sent the `harmless` body, which fails validation (or changes nothing), so that
 * the matrix never changes the state it depends on. The spec checks that the database is the
 * same after every single request.
 *
 * Cross-area posts that the policy allows are declared allowed (e.g. freja posting to the
 * parent page's "withdraw" for her own consent): the policy decides per young person and action,
 * never per URL, and the capability is the same one she has on her own page.
 */
import type { Demo } from './state';

export const ROLES = ['anonymous', 'freja', 'amina', 'karen', 'peter', 'mette', 'jonas', 'ali', 'hanne', 'lone'] as const;
export type Role = (typeof ROLES)[number];

/** Who each column is, relative to freja. */
export const ROLE_MEANING: Record<Role, string> = {
	anonymous: 'not logged in',
	freja: 'the young person',
	amina: 'another young person (guide jonas)',
	karen: "parent with freja's consent (her plan)",
	peter: "parent without any consent from freja (noah's father, not linked to freja)",
	mette: "freja's assigned guide",
	jonas: 'another guide',
	ali: 'caseworker with the consent (jobcenter)',
	hanne: 'caseworker without the consent (family department)',
	lone: 'coordinator'
};

export type Expected =
	/** Allowed: a page or GET endpoint answers 200; an action or write answers without a refusal. */
	| 'ok'
	/** Sent to log in: 303 to /login (with ?next= the address asked for). */
	| 'login'
	/** Refused with exactly this status, and nothing changes. */
	| 400
	| 401
	| 403
	| 404
	| 409
	/** Sent on (303) to exactly this address. */
	| { redirect: string };

type Row = readonly [Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected];

const OK = 'ok';
const L = 'login';
const U = 401;
const NF = 404;
const FB = 403;
const BAD = 400;
const CF = 409;
/** The role's own home (where login sends them). */
const Y = { redirect: '/' };
const P = { redirect: '/parent' };
const S = { redirect: '/staff' };
const OUT = { redirect: '/login?loggedOut=1' };
const LI = { redirect: '/login' };
/** No sign-in provider is configured in the run (issue 19). */
const NA = { redirect: '/login/oidc/citizen/callback?problem=unavailable' };
/** No SAML identity provider is configured in the run (issue 19). */
const SNA = { redirect: '/login/saml/citizen/refused?problem=unavailable' };

// prettier-ignore
export const MATRIX: Record<string, Row> = {
	//                                                 anonymous freja amina karen peter mette jonas ali hanne lone
	// ---- Open to everyone ------------------------------------------------------------------------------------------------
	'GET /login':                                      [OK, Y,  Y,  P,  P,  S,  S,  S,  S,  S ],
	'POST /login':                                     [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	// Signing in with a passkey (issue 19): anyone may try, as with the password form.
	'POST /login/passkey':                             [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'GET /invite/[code]':                              [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'POST /invite/[code]':                             [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'GET /offline':                                    [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	// Signing in with an outside provider (issue 19). The run has none configured: the button's post
	// says so on the callback page, which (without a state) refuses kindly; the link page has no
	// pending link to take a code for.
	'GET /login/oidc/[audience]':                      [LI, LI, LI, LI, LI, LI, LI, LI, LI, LI],
	'POST /login/oidc/[audience]':                     [NA, NA, NA, NA, NA, NA, NA, NA, NA, NA],
	'GET /login/oidc/[audience]/callback':             [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	// SAML (issue 19), none configured either: the start says so on the refusal page, there is no SP
	// metadata to give, the ACS refuses kindly, and the answer to single logout goes to the login page.
	'GET /login/saml/[audience]':                      [SNA, SNA, SNA, SNA, SNA, SNA, SNA, SNA, SNA, SNA],
	'POST /login/saml/[audience]':                     [SNA, SNA, SNA, SNA, SNA, SNA, SNA, SNA, SNA, SNA],
	'GET /login/saml/[audience]/metadata':             [NF, NF, NF, NF, NF, NF, NF, NF, NF, NF],
	'GET /login/saml/[audience]/acs':                  [LI, LI, LI, LI, LI, LI, LI, LI, LI, LI],
	'POST /login/saml/[audience]/acs':                 [SNA, SNA, SNA, SNA, SNA, SNA, SNA, SNA, SNA, SNA],
	'GET /login/saml/[audience]/logout':               [OUT, OUT, OUT, OUT, OUT, OUT, OUT, OUT, OUT, OUT],
	'POST /login/saml/[audience]/logout':              [OUT, OUT, OUT, OUT, OUT, OUT, OUT, OUT, OUT, OUT],
	'GET /login/saml/[audience]/refused':              [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'GET /login/link':                                 [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'POST /login/link':                                [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	// The public pages (issue 20): about Minvej, the privacy notice, the accessibility statement.
	'GET /om':                                         [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'GET /privatlivspolitik':                          [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'GET /tilgaengelighed':                            [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'GET /healthz':                                    [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'GET /app.webmanifest':                            [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK],
	// A language's messages (issue 16): open to everyone, nothing personal; asked without a language
	// (?locale=en) there is none to give. tests/languages.spec.ts loads it as each page does.
	'GET /i18n.js':                                    [NF, NF, NF, NF, NF, NF, NF, NF, NF, NF],
	'GET /language':                                   [Y,  Y,  Y,  Y,  Y,  Y,  Y,  Y,  Y,  Y ],
	'POST /language':                                  [Y,  Y,  Y,  Y,  Y,  Y,  Y,  Y,  Y,  Y ],
	'GET /logout':                                     [Y,  Y,  Y,  Y,  Y,  Y,  Y,  Y,  Y,  Y ],
	'POST /logout':                                    [OUT,OUT,OUT,OUT,OUT,OUT,OUT,OUT,OUT,OUT],
	'GET /settings/notifications':                     [L,  OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'POST /settings/notifications?/offEverywhere':     [L,  OK, OK, OK, OK, OK, OK, OK, OK, OK],
	// Everyone's own sessions: seen, and ended one at a time, all but this one, or all.
	'GET /settings/sessions':                          [L,  OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'POST /settings/sessions?/end':                    [L,  OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'POST /settings/sessions?/endOthers':              [L,  OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'POST /settings/sessions?/endAll':                 [L,  OUT,OUT,OUT,OUT,OUT,OUT,OUT,OUT,OUT],
	'GET /profile':                                    [L,  OK, OK, OK, OK, NF, NF, NF, NF, NF],
	'POST /profile?/saveContact':                      [L,  OK, OK, OK, OK, NF, NF, NF, NF, NF],
	'POST /profile?/changePassword':                   [L,  OK, OK, OK, OK, NF, NF, NF, NF, NF],
	// One's own passkeys (issue 19): young people and parents; staff keep none.
	'GET /settings/passkeys':                          [L,  OK, OK, OK, OK, NF, NF, NF, NF, NF],
	'POST /settings/passkeys?/remove':                 [L,  OK, OK, OK, OK, NF, NF, NF, NF, NF],
	'POST /settings/passkeys/new':                     [L,  OK, OK, OK, OK, NF, NF, NF, NF, NF],
	// A young person's or parent's linked sign-ins (issue 19).
	'GET /settings/sign-ins':                          [L,  OK, OK, OK, OK, NF, NF, NF, NF, NF],
	'POST /settings/sign-ins?/remove':                 [L,  OK, OK, OK, OK, NF, NF, NF, NF, NF],
	'POST /api/push/subscription':                     [U,  OK, OK, OK, OK, OK, OK, OK, OK, OK],
	'DELETE /api/push/subscription':                   [U,  OK, OK, OK, OK, OK, OK, OK, OK, OK],

	// ---- The young person's own area (staff and parents are sent home from /) ---------------------------------------------
	'GET /':                                           [L,  OK, OK, P,  P,  S,  S,  S,  S,  S ],
	'GET /plan':                                       [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'GET /guide':                                      [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'GET /consent':                                    [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'GET /consent/history.json':                       [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'GET /messages':                                   [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'GET /checkin':                                    [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'GET /plan/calendar.ics':                          [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	// Her approved plan as a PDF (issue 21): amina has approved no version [version] of hers.
	'GET /plan/approved/[version].pdf':                [L,  OK, NF, NF, NF, NF, NF, NF, NF, NF],
	'GET /privacy':                                    [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'GET /privacy/export':                             [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'GET /privacy/export.html':                        [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'GET /privacy/export.json':                        [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	// Her own plan (amina: her own plan for propose/agree; freja's step for the rest).
	'POST /plan?/markDone':                            [L,  OK, NF, NF, NF, NF, NF, NF, NF, NF],
	'POST /plan?/markNotDone':                         [L,  OK, NF, NF, NF, NF, NF, NF, NF, NF],
	'POST /plan?/commentStep':                         [L,  OK, NF, NF, NF, NF, NF, NF, NF, NF],
	// Disputing a step her guide marked agreed (issue 21): only she, on her own plan.
	'POST /plan?/disputeStep':                         [L,  OK, NF, NF, NF, NF, NF, NF, NF, NF],
	'POST /plan?/propose':                             [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'POST /plan?/agree':                               [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	// Guide requests: her own; a linked parent reaches freja's request but may withdraw only their own.
	'POST /guide?/pick':                               [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'POST /guide?/propose':                            [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'POST /guide?/change':                             [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'POST /guide?/withdraw':                           [L,  OK, NF, CF, NF, NF, NF, NF, NF, NF],
	'POST /guide?/accept':                             [L,  OK, NF, NF, NF, NF, NF, NF, NF, NF],
	'POST /guide?/refuse':                             [L,  OK, NF, NF, NF, NF, NF, NF, NF, NF],
	// Consent: only the young person changes her own.
	'POST /consent?/give':                             [L,  OK, OK, FB, FB, FB, FB, FB, FB, FB],
	'POST /consent?/withdraw':                         [L,  OK, OK, FB, FB, FB, FB, FB, FB, FB],
	'POST /consent?/answerRequest':                    [L,  OK, OK, FB, FB, FB, FB, FB, FB, FB],
	// Removing a parent's link: only an adult, herself (freja is 17; amina, 20, has no parent to remove).
	'POST /consent?/removeParent':                     [L,  FB, OK, FB, FB, FB, FB, FB, FB, FB],
	// Messages: her own conversation; the guide may mark it read from any page (the thread decides).
	'POST /messages?/send':                            [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'POST /messages?/markRead':                        [L,  OK, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /checkin?/answer':                           [L,  OK, OK, NF, NF, NF, NF, NF, NF, NF],
	'GET /api/events':                                 [U,  OK, OK, NF, NF, OK, OK, NF, NF, OK],
	'POST /api/messages':                              [U,  OK, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /api/messages/read':                         [U,  OK, NF, NF, NF, OK, NF, NF, NF, NF],
	// [id] is a PDF amina sends jonas before the run: the conversation's two sides alone.
	'GET /api/attachments/[id]':                       [U,  NF, OK, NF, NF, NF, OK, NF, NF, NF],

	// ---- The parent's area ------------------------------------------------------------------------------------------------
	'GET /parent':                                     [L,  NF, NF, OK, OK, NF, NF, NF, NF, NF],
	'GET /parent/[youthId]':                           [L,  NF, NF, OK, NF, NF, NF, NF, NF, NF],
	'GET /parent/[youthId]/consent':                   [L,  NF, NF, OK, NF, NF, NF, NF, NF, NF],
	'GET /parent/[youthId]/guide':                     [L,  NF, NF, OK, NF, NF, NF, NF, NF, NF],
	// The approved plan's PDF (issue 21): the policy decides per young person, not per URL: freja, her
	// co-signing mother, her guide and the caseworker she shares the plan with; nobody else.
	'GET /parent/[youthId]/approved/[version].pdf':    [L,  OK, NF, OK, NF, OK, NF, OK, NF, NF],
	// Only a custody holder with the plan shared co-signs the approved version (karen's harmless body
	// names no version: 409, the plan's version is not the one approved).
	'POST /parent/[youthId]?/cosignPlan':              [L,  FB, FB, OK, FB, FB, FB, FB, FB, FB],
	// Freja is 17, above the self-consent age (15): no custody holder co-signs or withdraws for her.
	'POST /parent/[youthId]/consent?/cosign':          [L,  FB, FB, FB, FB, FB, FB, FB, FB, FB],
	'POST /parent/[youthId]/consent?/withdraw':        [L,  OK, FB, FB, FB, FB, FB, FB, FB, FB],
	// A linked parent asks for a guide for a young person under 18.
	'POST /parent/[youthId]/guide?/pick':              [L,  OK, NF, OK, NF, NF, NF, NF, NF, NF],
	'POST /parent/[youthId]/guide?/change':            [L,  OK, NF, OK, NF, NF, NF, NF, NF, NF],
	'POST /parent/[youthId]/guide?/withdraw':          [L,  OK, NF, CF, NF, NF, NF, NF, NF, NF],

	// ---- Staff ------------------------------------------------------------------------------------------------------------
	'GET /staff':                                      [L,  NF, NF, NF, NF, OK, OK, OK, OK, OK],
	// "Talt med hende/ham" from the coordinator's low answers without follow-up (issue 20): the young
	// person's current guide or the coordinator; freja has no low answer here, so it changes nothing.
	'POST /staff?/followedUp':                         [L,  NF, NF, NF, NF, OK, NF, NF, NF, OK],
	'GET /staff/invites':                              [L,  NF, NF, NF, NF, OK, OK, NF, NF, OK],
	'POST /staff/invites?/create':                     [L,  NF, NF, NF, NF, OK, BAD,NF, NF, OK],
	'GET /staff/profile':                              [L,  NF, NF, NF, NF, OK, OK, NF, NF, NF],
	'POST /staff/profile?/save':                       [L,  NF, NF, NF, NF, OK, OK, NF, NF, NF],
	'POST /staff/profile?/workingTime':                [L,  NF, NF, NF, NF, OK, OK, NF, NF, NF],
	'GET /staff/messages':                             [L,  NF, NF, NF, NF, OK, OK, NF, NF, OK],
	'POST /staff/messages?/markRead':                  [L,  OK, NF, NF, NF, OK, NF, NF, NF, NF],
	// Mette is not away in this run: while a guide is away (issue 17) the coordinator also reads and
	// answers that guide's current conversation, which access/rules.test.ts, messages/away.test.ts and
	// tests/answer-time.spec.ts prove; the matrix's lone column is the guide-at-work case.
	'GET /staff/messages/[youthId]':                   [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/messages/[youthId]?/send':            [L,  OK, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/messages/[youthId]?/markRead':        [L,  OK, NF, NF, NF, OK, NF, NF, NF, NF],
	'GET /staff/outcomes':                             [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'GET /staff/outcomes/export':                      [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'GET /staff/settings':                             [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'POST /staff/settings?/save':                      [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'GET /staff/requests':                             [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'GET /staff/requests/[requestId]':                 [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'POST /staff/requests/[requestId]?/approve':       [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'POST /staff/requests/[requestId]?/decline':       [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'POST /staff/requests/[requestId]?/suggest':       [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	// The administration: the coordinator's alone ([userId] is a guide account lone makes before the run).
	'GET /staff/admin':                                [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'GET /staff/admin/new':                            [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'POST /staff/admin/new?/create':                   [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'GET /staff/admin/people/[userId]':                [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'POST /staff/admin/people/[userId]?/change':       [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'POST /staff/admin/people/[userId]?/code':         [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'POST /staff/admin/people/[userId]?/disable':      [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'GET /staff/admin/import':                         [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'POST /staff/admin/import?/check':                 [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	'POST /staff/admin/import?/apply':                 [L,  NF, NF, NF, NF, NF, NF, NF, NF, OK],
	// One young person: the guide keeps the plan; the jobcenter caseworker sees it under consent and
	// updates the step his department owns; the coordinator sees the profile, not the plan.
	'GET /staff/youth/[youthId]':                      [L,  NF, NF, NF, NF, OK, NF, OK, NF, OK],
	'POST /staff/youth/[youthId]?/createPlan':         [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/updateGoal':         [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/addStep':            [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/updateStep':         [L,  NF, NF, NF, NF, OK, NF, OK, NF, NF],
	'POST /staff/youth/[youthId]?/acceptStep':         [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/declineStep':        [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/moveStep':           [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/removeStep':         [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/commentStep':        [L,  OK, NF, NF, NF, OK, NF, OK, NF, NF],
	// Agreed steps and disputes (issue 21): the guide marks, unmarks and answers.
	'POST /staff/youth/[youthId]?/markAgreed':         [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/unmarkAgreed':       [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/answerDispute':      [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/scheduleMeeting':    [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]?/cancelMeeting':      [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'GET /staff/youth/[youthId]/steps/[stepId]/remove':[L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'GET /staff/youth/[youthId]/meetings/[meetingId]/cancel':[L, NF, NF, NF, NF, OK, NF, NF, NF, NF],
	// The approved plan's PDF for the staff who read the plan (issue 21): her guide and the caseworker
	// she shares it with; not the coordinator, nor anyone outside the staff area.
	'GET /staff/youth/[youthId]/approved/[version].pdf':[L, NF, NF, NF, NF, OK, NF, OK, NF, NF],
	'GET /staff/youth/[youthId]/consent':              [L,  NF, NF, NF, NF, OK, NF, NF, NF, OK],
	'POST /staff/youth/[youthId]/consent?/ask':        [L,  FB, FB, FB, FB, OK, FB, FB, FB, FB],
	'GET /staff/youth/[youthId]/followup':             [L,  NF, NF, NF, NF, OK, NF, OK, NF, OK],
	'POST /staff/youth/[youthId]/followup?/setRhythm': [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]/followup?/stopRhythm':[L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	'POST /staff/youth/[youthId]/followup?/setStatus': [L,  NF, NF, NF, NF, OK, NF, NF, NF, NF],
	// "Talt med hende/ham" (issue 20): the current guide, or the coordinator.
	'POST /staff/youth/[youthId]/followup?/followedUp':[L,  NF, NF, NF, NF, OK, NF, NF, NF, OK],
	// A legal deadline met (issue 21): the guide, who sets the status.
	'POST /staff/youth/[youthId]/followup?/meetDeadline':[L, NF, NF, NF, NF, OK, NF, NF, NF, NF],
	// Losing access (issue 19): a new sign-in code for freja or karen, from her guide or the coordinator.
	'GET /staff/youth/[youthId]/sign-in':              [L,  NF, NF, NF, NF, OK, NF, NF, NF, OK],
	'POST /staff/youth/[youthId]/sign-in?/newCode':    [L,  NF, NF, NF, NF, OK, NF, NF, NF, OK]
};

/** Run after everything else, in this order: they end the sessions the other checks use. */
export const LAST = ['POST /settings/sessions?/endAll', 'POST /logout'];

/**
 * The +server.ts methods that change something, by what they take: JSON endpoints must refuse
 * other bodies and other origins themselves (SvelteKit's CSRF check covers form posts only);
 * form endpoints are covered by SvelteKit's check.
 */
export const WRITE_ENDPOINTS: Record<string, 'json' | 'form'> = {
	'POST /api/messages': 'json',
	'POST /api/messages/read': 'json',
	'POST /api/push/subscription': 'json',
	'POST /login/passkey': 'json',
	'POST /settings/passkeys/new': 'json',
	'DELETE /api/push/subscription': 'json',
	'POST /language': 'form',
	'POST /logout': 'form',
	'POST /login/oidc/[audience]': 'form',
	'POST /login/saml/[audience]': 'form',
	'POST /login/saml/[audience]/acs': 'form',
	'POST /login/saml/[audience]/logout': 'form'
};

/** The long-lived event stream: its headers are checked, its body is never finished. */
export const STREAMS = ['GET /api/events'];

export type Form = Record<string, string | string[]>;
export interface Bodies {
	/** Valid: it would change data if the role got through. Sent to every refused cell. */
	probe: Form | object;
	/** Fails validation or changes nothing. Sent to every allowed cell. */
	harmless: Form | object;
}

const same = (body: Form | object): Bodies => ({ probe: body, harmless: body });

/** The bodies sent to every action and write endpoint (JSON endpoints: objects sent as JSON). */
export function bodies(d: Demo): Record<string, Bodies> {
	const wording = d.consentWording;
	const step = d.steps;
	return {
		'POST /login': same({ username: '', password: '' }),
		'POST /invite/[code]': same({ username: '', password: '', repeat: '' }),
		'POST /language': same({ locale: '', next: '/' }),
		'POST /logout': same({}),
		'POST /login/oidc/[audience]': same({}),
		'POST /login/saml/[audience]': same({}),
		'POST /login/saml/[audience]/acs': same({ SAMLResponse: '' }),
		'POST /login/saml/[audience]/logout': same({}),
		'POST /login/link': same({ code: '' }),
		// The demo has no linked sign-ins: a made-up id names none.
		'POST /settings/sign-ins?/remove': same({ link: '0'.repeat(24) }),
		'POST /settings/notifications?/offEverywhere': same({}),
		// Each role has one session here, so ending the others ends none; a made-up handle names none.
		'POST /settings/sessions?/end': { probe: { session: '0'.repeat(32) }, harmless: { session: '' } },
		'POST /settings/sessions?/endOthers': same({}),
		'POST /settings/sessions?/endAll': same({}),
		'POST /profile?/saveContact': { probe: { phone: '20 30 40 50', email: '' }, harmless: { phone: 'ikke et nummer', email: '' } },
		// The harmless body has no current password: it is refused before anything is hashed or changed.
		'POST /profile?/changePassword': {
			probe: { current: 'minvej-demo', password: 'matrixtestens nye kode', repeat: 'matrixtestens nye kode' },
			harmless: { current: '', password: '', repeat: '' }
		},
		'POST /api/push/subscription': { probe: d.pushSubscription, harmless: {} },
		// A passkey challenge is stored by { start: true }; {} is refused before anything is looked at.
		'POST /login/passkey': same({}),
		'POST /settings/passkeys/new': { probe: { start: true }, harmless: {} },
		'POST /settings/passkeys?/remove': { probe: { passkey: 'matrix-passkey' }, harmless: { passkey: '' } },
		'POST /staff/youth/[youthId]/sign-in?/newCode': { probe: { person: d.users.freja }, harmless: { person: '' } },
		'DELETE /api/push/subscription': { probe: { endpoint: d.pushSubscription.endpoint }, harmless: {} },

		'POST /plan?/markDone': { probe: { stepId: step.youthTodo }, harmless: { stepId: step.youthDone } },
		'POST /plan?/markNotDone': { probe: { stepId: step.youthDone }, harmless: { stepId: step.youthTodo } },
		'POST /plan?/commentStep': {
			probe: { stepId: step.youthTodo, body: 'Fra matrixtesten' },
			harmless: { stepId: step.youthTodo, body: '' }
		},
		// No step is agreed during the run, so the allowed cell is refused as not agreed or as empty.
		'POST /plan?/disputeStep': {
			probe: { stepId: step.guide, dispute: 'Fra matrixtesten' },
			harmless: { stepId: step.guide, dispute: '' }
		},
		'POST /plan?/propose': { probe: { title: 'Et nyt skridt', description: '', dueDate: '' }, harmless: { title: '' } },
		'POST /plan?/agree': { probe: { version: String(d.planVersion) }, harmless: { version: '' } },
		'POST /guide?/pick': { probe: { guideId: d.users.jonas, reason: '' }, harmless: { guideId: '' } },
		'POST /guide?/propose': {
			probe: {
				proposedName: 'Bo Hansen',
				proposedRole: 'teacher',
				proposedWorkplace: 'Eksempelby Skole',
				proposedContact: 'bo.hansen@example.dk',
				reason: 'Han kender mig godt fra skolen.'
			},
			harmless: { proposedName: '' }
		},
		'POST /guide?/change': { probe: { guideId: d.users.jonas, reason: 'Jeg vil gerne skifte.' }, harmless: { guideId: 'x'.repeat(65) } },
		'POST /guide?/withdraw': { probe: { requestId: d.guideRequestId }, harmless: { requestId: '' } },
		'POST /guide?/accept': { probe: { requestId: d.guideRequestId }, harmless: { requestId: '' } },
		'POST /guide?/refuse': { probe: { requestId: d.guideRequestId }, harmless: { requestId: '' } },
		'POST /consent?/give': { probe: { recipient: 'department:family', wording }, harmless: { recipient: '', wording } },
		'POST /consent?/withdraw': { probe: { recipient: 'department:jobcenter', wording }, harmless: { recipient: '', wording } },
		'POST /consent?/removeParent': { probe: { recipient: `parent:${d.users.karen}`, wording }, harmless: { recipient: '', wording } },
		'POST /consent?/answerRequest': {
			probe: { requestId: d.consentRequestId, answer: 'declined', wording },
			harmless: { requestId: d.consentRequestId, answer: '', wording }
		},
		'POST /messages?/send': { probe: { clientId: d.newClientId(), body: 'Fra matrixtesten' }, harmless: { clientId: '', body: '' } },
		'POST /messages?/markRead': { probe: { threadId: d.threadId, seq: '3' }, harmless: { threadId: d.threadId, seq: '0' } },
		'POST /checkin?/answer': { probe: { checkinId: 'no-such-checkin', score: '4', comment: '' }, harmless: { score: '' } },
		'POST /api/messages': { probe: { clientId: d.newClientId(), body: 'Fra matrixtesten', youthId: d.users.freja }, harmless: {} },
		'POST /api/messages/read': { probe: { threadId: d.threadId, seq: 3 }, harmless: { threadId: d.threadId, seq: 0 } },

		'POST /parent/[youthId]/consent?/cosign': {
			probe: { giveRecordId: d.jobcenterGiveRecordId, recipient: 'department:jobcenter', wording },
			harmless: { giveRecordId: '', wording }
		},
		'POST /parent/[youthId]/consent?/withdraw': {
			probe: { recipient: 'department:jobcenter', wording },
			harmless: { recipient: '', wording }
		},
		'POST /parent/[youthId]/guide?/pick': { probe: { guideId: d.users.jonas, reason: '' }, harmless: { guideId: '' } },
		'POST /parent/[youthId]/guide?/change': {
			probe: { guideId: d.users.jonas, reason: 'Hun vil gerne skifte.' },
			harmless: { guideId: 'x'.repeat(65) }
		},
		'POST /parent/[youthId]/guide?/withdraw': { probe: { requestId: d.guideRequestId }, harmless: { requestId: '' } },
		'POST /parent/[youthId]?/cosignPlan': { probe: { version: String(d.planVersion) }, harmless: { version: '' } },

		'POST /staff/invites?/create': {
			probe: { role: 'parent', displayName: 'Test Forælder', linkYouthId: d.users.freja, custody: 'on' },
			harmless: { role: '' }
		},
		'POST /staff/profile?/save': {
			probe: {
				title: 'Guide',
				workplace: 'Ungeenheden',
				background: 'Skrevet af matrixtesten, som ikke må gemme noget.',
				languages: 'dansk',
				meetingPlaces: '',
				availability: ''
			},
			harmless: { title: '' }
		},
		// A working week without an away period: it changes mette's row, and no conversation's reach.
		'POST /staff/profile?/workingTime': {
			probe: { days: ['1', '2', '3', '4'], from: '08:00', to: '16:00', awayFrom: '', awayUntil: '', awayText: '' },
			harmless: { days: [], from: '' }
		},
		'POST /staff/settings?/save': {
			probe: {
				unitPhone: '70 10 20 31',
				unitAddress: 'Rådhuspladsen 1, 4500 Eksempelby',
				unitEmail: 'ungeenheden@eksempel.dk',
				openingHours: 'Mandag–torsdag 9–15, fredag 9–13',
				visitationWeekday: '3',
				accessLogRetentionDays: '183'
			},
			harmless: { unitPhone: '' }
		},
		'POST /staff/admin/new?/create': {
			probe: {
				role: 'guide',
				department: '',
				displayName: 'Matrix Guide',
				title: 'Guide',
				workplace: 'Ungeenheden',
				languages: 'dansk',
				capacity: '5',
				signIn: 'code',
				externalLogin: ''
			},
			harmless: { role: '' }
		},
		'POST /staff/admin/people/[userId]?/change': {
			probe: {
				role: 'guide',
				department: '',
				displayName: 'Test Guide',
				title: 'Guide',
				workplace: 'Ungeenheden',
				languages: 'dansk',
				capacity: '7',
				externalLogin: ''
			},
			harmless: { displayName: '' }
		},
		// Both need the box ticked: without it nothing happens.
		'POST /staff/admin/people/[userId]?/code': { probe: { confirm: 'on' }, harmless: {} },
		'POST /staff/admin/people/[userId]?/disable': { probe: { confirm: 'on' }, harmless: {} },
		'POST /staff/admin/import?/check': { probe: { file: 'type,id,name' }, harmless: {} },
		'POST /staff/admin/import?/apply': { probe: { batchId: 'no-such-batch' }, harmless: { batchId: '' } },
		'POST /staff/messages?/markRead': { probe: { threadId: d.threadId, seq: '3' }, harmless: { threadId: d.threadId, seq: '0' } },
		'POST /staff/messages/[youthId]?/send': {
			probe: { clientId: d.newClientId(), body: 'Fra matrixtesten' },
			harmless: { clientId: '', body: '' }
		},
		'POST /staff/messages/[youthId]?/markRead': { probe: { threadId: d.threadId, seq: '3' }, harmless: { threadId: d.threadId, seq: '0' } },
		'POST /staff/requests/[requestId]?/approve': { probe: { assign: d.users.jonas }, harmless: { assign: '' } },
		'POST /staff/requests/[requestId]?/decline': { probe: { reason: 'Det kan vi ikke lige nu.' }, harmless: { reason: '' } },
		'POST /staff/requests/[requestId]?/suggest': { probe: { guideId: d.users.jonas }, harmless: { guideId: '' } },

		'POST /staff/youth/[youthId]?/createPlan': {
			probe: { goalType: 'job', goalText: 'Et andet mål', targetDate: '', currentSituation: '' },
			harmless: { goalType: '' }
		},
		'POST /staff/youth/[youthId]?/updateGoal': {
			probe: { goalType: 'job', goalText: 'Et andet mål', targetDate: '', currentSituation: '', version: String(d.planVersion) },
			harmless: { goalType: 'job', goalText: 'Et andet mål', version: '' }
		},
		'POST /staff/youth/[youthId]?/addStep': {
			probe: { title: 'Et nyt skridt', description: '', owner: 'youth', dueDate: '', status: 'todo' },
			harmless: { title: '' }
		},
		'POST /staff/youth/[youthId]?/updateStep': {
			probe: {
				stepId: step.jobcenter,
				title: 'Ændret af matrixtesten',
				description: '',
				owner: 'department:jobcenter',
				dueDate: '',
				status: 'doing',
				version: String(d.stepVersions.jobcenter)
			},
			harmless: { stepId: step.jobcenter, version: '' }
		},
		'POST /staff/youth/[youthId]?/acceptStep': {
			probe: {
				stepId: step.proposed,
				title: 'Besøg på erhvervsskolen',
				description: '',
				owner: 'youth',
				dueDate: '',
				status: 'todo',
				version: String(d.stepVersions.proposed)
			},
			harmless: { stepId: step.proposed, version: '' }
		},
		'POST /staff/youth/[youthId]?/declineStep': {
			probe: { stepId: step.proposed, version: String(d.stepVersions.proposed) },
			harmless: { stepId: step.proposed, version: '' }
		},
		'POST /staff/youth/[youthId]?/moveStep': {
			probe: { stepId: step.guide, direction: 'down' },
			harmless: { stepId: step.guide, direction: '' }
		},
		'POST /staff/youth/[youthId]?/removeStep': {
			probe: { stepId: step.guide, version: String(d.stepVersions.guide) },
			harmless: { stepId: step.guide, version: '' }
		},
		'POST /staff/youth/[youthId]?/commentStep': {
			probe: { stepId: step.jobcenter, body: 'Fra matrixtesten' },
			harmless: { stepId: step.jobcenter, body: '' }
		},
		'POST /staff/youth/[youthId]?/markAgreed': {
			probe: { stepId: step.guide, version: String(d.stepVersions.guide) },
			harmless: { stepId: step.guide, version: '' }
		},
		// The step is not agreed during the run: taking the mark off changes nothing until it is proven.
		'POST /staff/youth/[youthId]?/unmarkAgreed': same({ stepId: step.guide }),
		'POST /staff/youth/[youthId]?/answerDispute': {
			probe: { stepId: step.guide, answer: 'Fra matrixtesten' },
			harmless: { stepId: step.guide, answer: '' }
		},
		'POST /staff/youth/[youthId]?/scheduleMeeting': {
			probe: { startsAt: d.tomorrowAtTen, durationMinutes: '60', place: 'Ungeenheden', withWhom: 'Mette', bring: '' },
			harmless: { startsAt: '' }
		},
		'POST /staff/youth/[youthId]?/cancelMeeting': { probe: { meetingId: d.meetingId }, harmless: { meetingId: '' } },
		'POST /staff/youth/[youthId]/consent?/ask': { probe: { department: 'family', message: '' }, harmless: { department: '' } },
		'POST /staff/youth/[youthId]/followup?/setRhythm': {
			probe: { intervalDays: '14', startsOn: d.tomorrow, months: '' },
			harmless: { intervalDays: '' }
		},
		// No rhythm runs for freja, so stopping changes nothing even where it is allowed.
		'POST /staff/youth/[youthId]/followup?/stopRhythm': same({}),
		'POST /staff/youth/[youthId]/followup?/setStatus': { probe: { status: 'youth_education', detail: '' }, harmless: { status: '' } },
		// Freja has no low answer to follow up here: allowed or not, nothing changes.
		'POST /staff/youth/[youthId]/followup?/followedUp': same({}),
		'POST /staff/youth/[youthId]/followup?/meetDeadline': { probe: { deadline: 'x'.repeat(24) }, harmless: { deadline: '' } },
		'POST /staff?/followedUp': same({ youthId: d.users.freja })
	};
}

/**
 * Proof that the probes are real requests (so that a refusal in the matrix is the policy's, not a
 * malformed body's): at the very end, each of these is sent by someone who may, in this order,
 * and must succeed and change the database.
 */
export const PROBES_PROVEN_BY: ReadonlyArray<readonly [string, Role]> = [
	['POST /plan?/markDone', 'freja'],
	['POST /plan?/markNotDone', 'freja'],
	['POST /plan?/commentStep', 'freja'],
	['POST /plan?/propose', 'freja'],
	['POST /plan?/agree', 'freja'],
	// The version freja approved before the run (her agreeing again keeps the same approval).
	['POST /parent/[youthId]?/cosignPlan', 'karen'],
	// Asked for before freja gives it.
	['POST /staff/youth/[youthId]/consent?/ask', 'mette'],
	['POST /consent?/give', 'freja'],
	['POST /consent?/answerRequest', 'freja'],
	['POST /messages?/markRead', 'freja'],
	['POST /staff/messages?/markRead', 'mette'],
	['POST /messages?/send', 'freja'],
	['POST /api/messages', 'freja'],
	['POST /staff/messages/[youthId]?/send', 'mette'],
	['POST /staff/youth/[youthId]?/updateGoal', 'mette'],
	['POST /staff/youth/[youthId]?/addStep', 'mette'],
	['POST /staff/youth/[youthId]?/updateStep', 'ali'],
	['POST /staff/youth/[youthId]?/commentStep', 'ali'],
	['POST /staff/youth/[youthId]?/acceptStep', 'mette'],
	// Agreed, disputed, answered and unmarked, in this order, on the guide's step.
	['POST /staff/youth/[youthId]?/markAgreed', 'mette'],
	['POST /plan?/disputeStep', 'freja'],
	['POST /staff/youth/[youthId]?/answerDispute', 'mette'],
	['POST /staff/youth/[youthId]?/unmarkAgreed', 'mette'],
	['POST /staff/youth/[youthId]?/moveStep', 'mette'],
	['POST /staff/youth/[youthId]?/removeStep', 'mette'],
	['POST /staff/youth/[youthId]?/scheduleMeeting', 'mette'],
	['POST /staff/youth/[youthId]?/cancelMeeting', 'mette'],
	['POST /staff/youth/[youthId]/followup?/setRhythm', 'mette'],
	['POST /staff/youth/[youthId]/followup?/stopRhythm', 'mette'],
	['POST /staff/youth/[youthId]/followup?/setStatus', 'mette'],
	['POST /staff/invites?/create', 'mette'],
	['POST /staff/profile?/save', 'mette'],
	['POST /staff/profile?/workingTime', 'mette'],
	['POST /profile?/saveContact', 'freja'],
	['POST /staff/settings?/save', 'lone'],
	['POST /staff/admin/new?/create', 'lone'],
	['POST /staff/admin/people/[userId]?/change', 'lone'],
	['POST /staff/admin/people/[userId]?/code', 'lone'],
	// After the other two: a stopped account cannot be changed.
	['POST /staff/admin/people/[userId]?/disable', 'lone'],
	['POST /api/push/subscription', 'freja'],
	['POST /settings/passkeys/new', 'freja'],
	['DELETE /api/push/subscription', 'freja'],
	['POST /consent?/withdraw', 'freja'],
	// Last: the visitation suggests jonas and freja accepts, so mette is no longer her guide.
	['POST /staff/requests/[requestId]?/suggest', 'lone'],
	['POST /guide?/accept', 'freja']
];

/** The probes that cannot be proven that way, and why (refusals of these rest on the status alone). */
export const PROBES_UNPROVEN: Record<string, string> = {
	'POST /login': 'everyone may post it: there is no refused cell',
	'POST /login/passkey': 'everyone may post it: there is no refused cell',
	'POST /settings/passkeys?/remove':
		'the demo has no passkey; refused roles are stopped by the policy (404) before the body is read; tests/passkeys.spec.ts and src/lib/server/passkeys/passkeys.test.ts remove one end to end',
	'POST /staff/youth/[youthId]/sign-in?/newCode':
		'it would sign freja out on the devices the run relies on; tests/passkeys.spec.ts and src/lib/server/people/lost-access.test.ts make one end to end',
	'POST /invite/[code]': 'everyone may post it: there is no refused cell',
	'POST /language': 'everyone may post it: there is no refused cell',
	'POST /logout': 'checked in its own test (the session ends)',
	'POST /login/oidc/[audience]': 'everyone may post it: there is no refused cell (tests/sign-in-oidc.spec.ts signs in with a real provider)',
	'POST /login/link': 'everyone may post it: there is no refused cell (tests/sign-in-oidc.spec.ts links with an invite code)',
	'POST /login/saml/[audience]': 'everyone may post it: there is no refused cell (tests/sign-in-saml.spec.ts signs in with a real IdP)',
	'POST /login/saml/[audience]/acs':
		'everyone may post it (the IdP answers cross-site): there is no refused cell; tests/sign-in-saml.spec.ts proves what it accepts and refuses',
	'POST /login/saml/[audience]/logout': 'everyone may post it: it changes nothing (the session ended before single logout was asked)',
	'POST /settings/sign-ins?/remove':
		'the demo has no linked sign-ins to remove; staff are refused by the policy (404) before the body is read; removing one is proven in src/lib/server/sign-in/link.test.ts',
	'POST /settings/notifications?/offEverywhere': 'only anonymous is refused, before any body is read',
	'POST /settings/sessions?/end':
		'only anonymous is refused, before any body is read; sessions are not compared (every request slides one); ending one is proven in tests/sessions.spec.ts',
	'POST /settings/sessions?/endOthers': 'only anonymous is refused, before any body is read; proven in tests/sessions.spec.ts',
	'POST /settings/sessions?/endAll': 'checked in its own test (every session of the person ends), like POST /logout',
	'POST /profile?/changePassword':
		'it would sign freja out on the other devices the run relies on; tests/profile.spec.ts and src/lib/server/people/profile.test.ts change a password end to end',
	'POST /checkin?/answer': 'the demo has no open check-in; refused roles are stopped by the policy (404) before the id is looked at',
	'POST /staff/youth/[youthId]/followup?/meetDeadline':
		'freja has no legal deadline running in the demo, so the mark changes nothing; tests/deadlines.spec.ts meets one end to end',
	'POST /staff/youth/[youthId]/followup?/followedUp':
		'freja has no low check-in answer in the demo, so the mark changes nothing; tests/checkin-safety.spec.ts marks one end to end (who and when on record)',
	'POST /staff?/followedUp':
		'freja has no low check-in answer in the demo, so the mark changes nothing; tests/checkin-safety.spec.ts marks one from the coordinator’s list',
	'POST /consent?/removeParent':
		'no adult in the demo has a parent link (freja, whose mother is linked, is 17); tests/consent.spec.ts removes one end to end',
	'POST /parent/[youthId]/consent?/cosign': 'nobody may co-sign for freja (17, above the self-consent age)',
	'POST /parent/[youthId]/consent?/withdraw': 'the same withdrawal as POST /consent?/withdraw, which is proven',
	'POST /staff/youth/[youthId]?/createPlan': 'freja has a plan; the policy refuses (404) before the plan is looked at',
	'POST /staff/youth/[youthId]?/declineStep': 'the same proposal is accepted (acceptStep is proven); one of them can be',
	'POST /staff/messages/[youthId]?/markRead': 'read marks only move forward: the same mark is proven by POST /staff/messages?/markRead',
	'POST /api/messages/read': 'read marks only move forward: the same mark is proven by POST /messages?/markRead',
	'POST /guide?/pick': 'one open guide request at a time: freja keeps hers for the visitation rows',
	'POST /guide?/propose': 'one open guide request at a time: freja keeps hers for the visitation rows',
	'POST /guide?/change': 'one open guide request at a time: freja keeps hers for the visitation rows',
	'POST /parent/[youthId]/guide?/pick': 'one open guide request at a time: freja keeps hers for the visitation rows',
	'POST /parent/[youthId]/guide?/change': 'one open guide request at a time: freja keeps hers for the visitation rows',
	'POST /guide?/withdraw': 'the one request is suggested and accepted instead (both proven)',
	'POST /parent/[youthId]/guide?/withdraw': 'the one request is suggested and accepted instead (both proven)',
	'POST /guide?/refuse': 'the one request is suggested and accepted instead (both proven)',
	'POST /staff/requests/[requestId]?/approve': 'the one request is suggested and accepted instead (both proven)',
	'POST /staff/requests/[requestId]?/decline': 'the one request is suggested and accepted instead (both proven)',
	'POST /staff/admin/import?/check':
		'a file upload (multipart), which the matrix does not send; the import is proven in tests/admin.spec.ts',
	'POST /staff/admin/import?/apply': 'needs a batch that a checked upload left; the import is proven in tests/admin.spec.ts'
};
