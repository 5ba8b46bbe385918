/**
 * Web Push: devices that asked for notifications, the VAPID keys, and content-free notices that
 * something is new. Routes import this part only through this entry.
 */
export {
	notifyCheckinsDue,
	notifyConsentWaiting,
	notifyDeadlines,
	notifyGuideChanged,
	notifyLowCheckin,
	notifyMeetingsTomorrow,
	notifyNewMessage,
	notifyRequestDecided,
	notifyStepDisputed
} from './notify';
export {
	removeAllSubscriptions,
	removeSubscription,
	saveSubscription,
	subscriptionCount,
	subscriptionInput,
	unsubscriptionInput
} from './subscriptions';
export { ensureVapidKeys, vapidPublicKey } from './vapid';
