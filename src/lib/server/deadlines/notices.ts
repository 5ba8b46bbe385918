/**
 * The deadlines' notices (issue 21), sent by a timer at start-up and every hour: the current guide
 * the working day before a deadline falls due, the coordinators once it is overdue. Each is sent
 * once (deadlinesToNotify marks them).
 */
import { currentAssignment } from '../access';
import { notifyDeadlines } from '../push';
import { deadlinesToNotify } from './deadlines';

export async function sendDeadlineNotices(now = new Date()): Promise<{ guides: number; coordinators: boolean }> {
	const due = deadlinesToNotify(now);
	const guideIds = [...new Set(due.remind.map((d) => currentAssignment(d.youthId)?.guideId).filter((id): id is string => !!id))];
	const coordinators = due.escalate.length > 0;
	if (guideIds.length || coordinators) await notifyDeadlines({ guideIds, coordinators });
	return { guides: guideIds.length, coordinators };
}

let timer: ReturnType<typeof setInterval> | undefined;

export function scheduleDeadlineNotices() {
	const send = () => void sendDeadlineNotices().catch((e) => console.error('Minvej: deadline notices failed', e));
	send();
	timer ??= setInterval(send, 60 * 60 * 1000);
	timer.unref();
}
