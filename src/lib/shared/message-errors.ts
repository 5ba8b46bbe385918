/** The user's-language text for each code the message endpoint and form actions answer with. */
import { m } from '$lib/paraglide/messages.js';
import { characterCount, MESSAGE_MAX_LENGTH, type SendError } from '$lib/shared/messages';

export function sendErrorText(error: SendError | string, details: { body?: string; retryAfter?: number } = {}): string {
	switch (error) {
		case 'empty':
			return m.messages_error_empty();
		case 'too_long':
			return m.messages_error_too_long({ max: MESSAGE_MAX_LENGTH, count: characterCount(details.body ?? '') });
		case 'too_large':
			// The server refused the body unread; the page that sent it knows the text.
			return details.body
				? m.messages_error_too_long({ max: MESSAGE_MAX_LENGTH, count: characterCount(details.body) })
				: m.messages_error_too_large({ max: MESSAGE_MAX_LENGTH });
		case 'rate_limited':
			return m.messages_error_rate_limited({ seconds: details.retryAfter ?? 60 });
		case 'client_id_conflict':
			return m.messages_error_conflict();
		case 'not_found':
			return m.messages_error_not_found();
		case 'attachment_type':
			return m.messages_error_attachment_type();
		case 'attachment_too_large':
			return m.messages_error_attachment_too_large();
		case 'attachment_mismatch':
			return m.messages_error_attachment_mismatch();
		case 'attachment_broken':
			return m.messages_error_attachment_broken();
		default:
			return m.messages_error_request();
	}
}
