/**
 * The forms a rendered page offers: for each action, the field names and the values the page
 * put in them (hidden ids, versions, choices). The fuzzer starts from these real forms, so its
 * bodies get past the first checks and reach the code behind them.
 */
import { SCRIPT_PAYLOADS } from './inputs';

export interface PageForm {
	/** The actions this form posts to ('default' for the page's own address). */
	actions: string[];
	fields: Map<string, string[]>;
}

/** What the fuzzer types into an empty text field (besides payloads). */
export const PLAIN_TEXT = 'Fuzz tekst';

const STORED_PAYLOADS = [SCRIPT_PAYLOADS[0]!, SCRIPT_PAYLOADS[1]!, SCRIPT_PAYLOADS[5]!, SCRIPT_PAYLOADS[6]!];

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };

function decode(value: string): string {
	return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
		if (code[0] === '#')
			return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
		return ENTITIES[code.toLowerCase()] ?? whole;
	});
}

/**
 * What a person would type into an empty field of this type. Text gets a few of the payloads as
 * well: they are valid text, so they get stored, and the pages must then show them inert.
 */
function plausible(type: string): string[] {
	switch (type.toLowerCase()) {
		case 'date':
			return ['2027-03-15'];
		case 'datetime-local':
			return ['2027-03-15T10:00'];
		case 'time':
			return ['10:00'];
		case 'number':
		case 'range':
			return ['3'];
		case 'email':
			return ['fuzz@example.dk'];
		case 'tel':
			return ['12345678'];
		case 'url':
			return ['https://example.dk'];
		case 'password':
			return ['en lang og god sætning'];
		case 'submit':
		case 'checkbox':
			return ['on'];
		default:
			return [PLAIN_TEXT, ...STORED_PAYLOADS];
	}
}

function attributes(tag: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const m of tag.matchAll(/\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
		found.set(m[1]!.toLowerCase(), decode(m[2] ?? m[3] ?? m[4] ?? ''));
	}
	return found;
}

function actionName(action: string | undefined): string | null {
	if (action === undefined || action === '') return 'default';
	const named = /^\?\/([A-Za-z0-9_]+)$/.exec(action);
	if (named) return named[1]!;
	return null;
}

/** Every POST form in the page's HTML (forms posting elsewhere, e.g. /logout, are left out). */
export function pageForms(html: string): PageForm[] {
	const forms: PageForm[] = [];
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
		const attrs = attributes(match[1]!);
		if ((attrs.get('method') ?? 'get').toLowerCase() !== 'post') continue;
		const body = match[2]!;
		const actions = new Set<string>();
		const own = actionName(attrs.get('action'));
		const fields = new Map<string, string[]>();
		const add = (name: string | undefined, value: string, type = 'text') => {
			if (!name) return;
			fields.set(name, [...(fields.get(name) ?? []), ...(value ? [value] : plausible(type))]);
		};
		for (const tag of body.matchAll(/<(input|button)\b([^>]*)>/gi)) {
			const a = attributes(tag[2]!);
			if (a.has('formaction')) {
				const name = actionName(a.get('formaction'));
				if (name) actions.add(name);
			}
			if (tag[1]!.toLowerCase() === 'button' && !a.has('name')) continue;
			add(a.get('name'), a.get('value') ?? '', a.get('type'));
		}
		for (const tag of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) add(attributes(tag[1]!).get('name'), decode(tag[2]!));
		for (const tag of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
			const name = attributes(tag[1]!).get('name');
			for (const option of tag[2]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)) {
				const value = attributes(option[1]!).get('value') ?? decode(option[2]!.trim());
				if (value) add(name, value);
			}
		}
		if (own && (actions.size === 0 || attrs.has('action'))) actions.add(own);
		if (actions.size) forms.push({ actions: [...actions], fields });
	}
	return forms;
}

/** The fields (with every value seen) of the forms that post to `action`. */
export function fieldsFor(forms: PageForm[], action: string): Map<string, string[]> {
	const merged = new Map<string, string[]>();
	for (const form of forms.filter((f) => f.actions.includes(action))) {
		for (const [name, values] of form.fields) merged.set(name, [...new Set([...(merged.get(name) ?? []), ...values])]);
	}
	return merged;
}
