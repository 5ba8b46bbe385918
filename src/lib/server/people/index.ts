/**
 * People and their relations as lists: a staff member's caseload, a parent's children, inviting a
 * new young person or parent, accepting an invite, and a young person's or parent's own profile
 * (the phone and e-mail their guide may use). Routes import this part only through this
 * entry.
 * The shapes it hands the pages are typed in src/lib/shared/people.ts.
 */
export { acceptInvite, claimWithCode, inviteFor } from './accept-invite';
export { inviteNewPerson, parentInviteTargets } from './invitations';
export { importParentLink } from './links';
export { issueNewSignInCode, signInHelpTargets } from './lost-access';
export type { SignInHelpTarget } from './lost-access';
export { caseworkerCaseloadIds, danishOrder, getYouthSummary, listCaseload, listChildren, youthSummaries } from './lists';
export { myProfile, saveMyContact, youthContact } from './profile';
export type { ContactField, MyProfile } from './profile';
