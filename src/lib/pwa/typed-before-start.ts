/**
 * What someone types before the page's scripts have started must still be there after.
 *
 * The server's HTML is usable at once; on a slow phone the scripts start seconds later. When Svelte
 * then hydrates a field written as `value={…}` (or `checked={…}`), it sets the field to the value
 * it renders and so wipes what was typed (svelte set_value; sveltejs/kit#8895). A young person's
 * half-written step or a guide's invite would be empty, and a `required` field stops the send
 * without a word.
 *
 * The root layout calls `noteTypedFields()` before its children hydrate: a field that differs from
 * its server default (`value !== defaultValue`, `checked !== defaultChecked`) was
 * touched by the person (or the browser's own form restore). After hydration the returned function
 * puts those values back and fires `input`/`change`, so bound state and handlers see them too.
 *
 * A `<details>` the person opened (or closed) is kept as well: one written `open={…}` (a filter
 * in use, an error to show) is set to what the server drew when it hydrates, so a guide's "Søg og
 * filtrér" or a young person's "Skriv en kommentar" tapped open before the start snapped shut. Its
 * state before hydration is the server's unless the person changed it, so each is put back as it was.
 */
export function noteTypedFields(): () => void {
	// A chosen <option> survives hydration as it is (tests/typed-before-start.spec.ts); a file
	// input's value cannot be set.
	const typed: [HTMLInputElement, 'checked' | 'value', string | boolean][] = [];
	for (const field of document.querySelectorAll<HTMLInputElement>('input:not([type=file]),textarea')) {
		const tick = field.type === 'checkbox' || field.type === 'radio';
		const now = tick ? field.checked : field.value;
		if (now !== (tick ? field.defaultChecked : field.defaultValue)) typed.push([field, tick ? 'checked' : 'value', now]);
	}
	const folds = [...document.querySelectorAll('details')].map((details) => [details, details.open] as const);
	return () => {
		for (const [details, open] of folds) if (details.isConnected && details.open !== open) details.open = open;
		for (const [field, key, now] of typed) {
			if (field[key] === now) continue;
			(field as unknown as Record<string, unknown>)[key] = now;
			field.dispatchEvent(new Event(key === 'value' ? 'input' : 'change', { bubbles: true }));
		}
	};
}
