/** Translated labels for the domain's enumerations (usable on server and client). */
import { m } from '$lib/paraglide/messages.js';
import type { DataKind, Department, GoalType, Role } from '$lib/shared/domain';

export function dataKindLabel(kind: DataKind): string {
	return {
		plan: m.data_kind_plan,
		guide: m.data_kind_guide,
		meetings: m.data_kind_meetings,
		checkins: m.data_kind_checkins
	}[kind]();
}

export function departmentLabel(department: Department): string {
	return {
		uu: m.department_uu,
		jobcenter: m.department_jobcenter,
		family: m.department_family,
		fgu: m.department_fgu,
		ppr: m.department_ppr,
		addiction: m.department_addiction
	}[department]();
}

export function roleLabel(role: Role): string {
	return {
		youth: m.role_youth,
		parent: m.role_parent,
		guide: m.role_guide,
		caseworker: m.role_caseworker,
		coordinator: m.role_coordinator
	}[role]();
}

export function goalTypeLabel(type: GoalType): string {
	return {
		education: m.goal_type_education,
		job: m.goal_type_job,
		preparatory: m.goal_type_preparatory
	}[type]();
}
