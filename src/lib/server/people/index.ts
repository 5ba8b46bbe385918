/**
 * People and their relations as lists: a staff member's caseload, a parent's children, inviting a
 * new young person or parent, and accepting an invite. Routes import this part only through this
 * entry.
 * The shapes it hands the pages are typed in src/lib/shared/people.ts.
 */
export { acceptInvite, inviteFor } from './accept-invite';
export { inviteNewPerson, parentInviteTargets } from './invitations';
export { importParentLink } from './links';
export { caseworkerCaseloadIds, danishOrder, getYouthSummary, listCaseload, listChildren, youthSummaries } from './lists';
