import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * A confirmation shown after a form was sent (issue 20): it takes the focus, so a screen reader
 * reads it and the next Tab goes on from where the young person acted, and it is kept in view
 * together with the item it is about (`around`: a selector for that item, e.g. the step's card),
 * even when the item moved elsewhere on the page (a step marked done moves to "Klaret").
 * The element needs tabindex="-1". Without JavaScript the form's action carries the item's
 * anchor (`?/markDone#step-…`) so the reloaded page opens there instead.
 */
export function confirmation(answer: unknown, around?: string): Attachment<HTMLElement> {
	return (note) => {
		// `answer` is what the note confirms: passing it makes a new answer (a second "Jeg har gjort
		// det") run the attachment again, as attachments re-run when their arguments change.
		if (answer == null) return;
		// After the update that showed it has settled (the item may have moved in the same update).
		void tick().then(() => {
			if (!note.isConnected) return;
			const item = around ? note.closest(around) : null;
			item?.scrollIntoView({ block: 'nearest' });
			note.focus({ preventScroll: true });
			note.scrollIntoView({ block: 'nearest' });
		});
	};
}
