/**
 * The status in words (issue 21): staff read the professional category with the programme and the
 * hours; the young person reads plain words; a preparatory course is not called STU (STU is a
 * youth education in the official count).
 */
import { describe, expect, it } from 'vitest';
import { staffStatusText, youthStatusLabel } from './followup-labels';

const entry = (over: Partial<Parameters<typeof staffStatusText>[0]>) => ({
	status: 'preparatory' as const,
	programme: null,
	hoursPerWeek: null,
	detail: null,
	...over
});

describe('the status in words', () => {
	it('names the programme, the hours and the detail for staff', () => {
		expect(staffStatusText(entry({ status: 'youth_education', programme: 'stu', detail: 'Første år' }), 'da')).toBe(
			'I gang med en ungdomsuddannelse: STU, Første år'
		);
		expect(staffStatusText(entry({ status: 'work', hoursPerWeek: 12 }), 'en')).toBe('In a job: 12 hours a week');
		expect(staffStatusText(entry({ status: 'unknown' }), 'da')).toBe('Ukendt');
	});

	it('says a detail that repeats the programme once', () => {
		expect(staffStatusText(entry({ programme: 'grade10', detail: '10. klasse' }), 'da')).toBe(
			'I et forberedende forløb (FGU, 10. klasse, højskole, praktik eller ophold i udlandet): 10. klasse'
		);
		expect(staffStatusText(entry({ programme: 'fgu', detail: 'Erhvervsgrunduddannelse' }), 'da')).toMatch(
			/: FGU, Erhvervsgrunduddannelse$/
		);
	});

	it('does not call a preparatory course STU, in either staff language', () => {
		for (const locale of ['da', 'en'] as const) {
			expect(youthStatusLabel('preparatory', locale, 'staff')).not.toMatch(/\bSTU\b|\bKUU\b/);
		}
	});
});
