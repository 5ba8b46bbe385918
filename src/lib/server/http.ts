/** A same-site path to go to after a form, or the fallback: never another origin. */
export function safeNext(value: unknown, fallback: string): string {
	if (typeof value !== 'string' || value.length > 500) return fallback;
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	return value;
}

/** A trimmed string form field ('' when missing or not text). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
}
