export { acceptInvite } from './accept-invite';
export { inviteNewPerson, parentInviteTargets } from './invitations';
export { danishOrder, getYouthSummary, listCaseload, listChildren } from './lists';
