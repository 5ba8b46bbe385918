/**
 * Web Push: devices that asked for notifications, the VAPID keys, and content-free notices that
 * something is new. Routes import this part only through this entry.
 */
export {
	ensureVapidKeys,
	notifyCheckinsDue,
	notifyConsentWaiting,
	notifyGuideChanged,
	notifyLowCheckin,
	notifyMeetingsTomorrow,
	notifyNewMessage,
	notifyRequestDecided,
	removeAllSubscriptions,
	removeSubscription,
	saveSubscription,
	subscriptionCount,
	subscriptionInput,
	unsubscriptionInput,
	vapidPublicKey
} from './notify';
