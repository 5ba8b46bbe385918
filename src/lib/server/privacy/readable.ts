/**
 * "Mine data" to read (issue 20): the same data as the JSON download (`exportMyData`), shaped for
 * a person to read on the page or in the downloaded file. Internal ids are dropped here: people by
 * name, the rest as dates, texts and the codes the page puts in words.
 */
import { exportMyData, whoHasLooked } from './transparency';
import type { Actor } from '../access';
import type { ReadableMyData } from '../../shared/privacy';

export function readableMyData(actor: Actor, youthId: string, now = new Date()): ReadableMyData | null {
	const data = exportMyData(actor, youthId, now);
	if (!data) return null;
	const people = data.people as Record<string, { name: string } | undefined>;
	const name = (id: string | null | undefined) => (id ? (people[id]?.name ?? '') : '');
	const plan = data.plan;
	const attachments = new Map<string, string[]>();
	for (const a of data.messages.attachments) attachments.set(a.messageId, [...(attachments.get(a.messageId) ?? []), a.name]);
	const looks = whoHasLooked(actor, youthId, { now });
	return {
		exportedAt: now,
		person: { name: data.profile.displayName, username: data.profile.username, birthDate: data.profile.birthDate },
		parents: data.parents.map((l) => name(l.parentId)),
		guides: data.guides.assignments.map((a) => ({ name: name(a.guideId), from: a.startedAt, to: a.endedAt })),
		plan: plan
			? {
					goal: plan.goalText,
					goalType: plan.goalType,
					steps: plan.steps.map((st) => ({
						title: st.title,
						description: st.description,
						status: st.status,
						owner:
							st.ownerKind === 'youth'
								? { kind: 'youth' as const }
								: st.ownerKind === 'department' && st.ownerDepartment
									? { kind: 'department' as const, department: st.ownerDepartment }
									: st.ownerUserId
										? { kind: 'person' as const, name: name(st.ownerUserId) }
										: null,
						dueDate: st.dueDate,
						comments: plan.comments
							.filter((c) => c.stepId === st.id)
							.map((c) => ({ author: name(c.authorId), text: c.body, at: c.createdAt }))
					})),
					meetings: plan.meetings.map((mt) => ({ at: mt.startsAt, place: mt.place, withWhom: mt.withWhom, cancelled: !!mt.cancelledAt }))
				}
			: null,
		messages: data.messages.messages.map((msg) => ({
			from: name(msg.senderId),
			fromMe: msg.senderId === youthId,
			at: msg.createdAt,
			text: msg.body,
			attachments: attachments.get(msg.id) ?? []
		})),
		consents: data.consent.records.map((r) => ({
			at: r.createdAt,
			action: r.action,
			recipient: r.recipient.kind === 'department' ? r.recipient : { kind: 'parent' as const, name: r.recipient.name },
			dataKinds: r.dataKinds,
			by: r.by.name,
			byMe: r.by.isYouth
		})),
		checkins: data.checkins.checkins.map((c) => ({ dueOn: c.dueOn, answeredAt: c.answeredAt, score: c.score, comment: c.comment })),
		statuses: data.statusHistory.map((h) => ({ status: h.status, at: h.createdAt })),
		guideRequests: data.guides.requests.map((r) => ({
			kind: r.kind,
			status: r.status,
			at: r.createdAt,
			guide: r.guideId ? name(r.guideId) : null,
			proposed: r.proposedName
		})),
		looks: (looks?.days ?? []).flatMap((day) =>
			day.lines.map((l) => ({ date: day.date, name: l.name, role: l.role, department: l.department, kinds: l.kinds, purposes: l.purposes }))
		)
	};
}
