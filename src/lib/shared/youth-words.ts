/**
 * Words a 14-year-old does not use (issue 20, "say it once, plainly"). The young person's and the
 * parent's pages say "dit ønske", "når Ungeenheden fordeler guider", "svar", "en af dine forældre",
 * "skolepsykologen" instead. Where the formal word matters (the law's word for custody, a
 * department's short name), it comes after the plain words in a parenthesis, never alone and never
 * in an `<abbr title>` a phone cannot show. Staff pages keep their professional words.
 */
export interface FormalWord {
	/** The formal word as it is listed in the issue. */
	word: string;
	/** Its forms in running Danish text. */
	pattern: RegExp;
}

export const FORMAL_WORDS: readonly FormalWord[] = [
	{ word: 'anmodning', pattern: /anmodning/i },
	{ word: 'visitation', pattern: /visitation/i },
	{ word: 'dagsorden', pattern: /dagsorden/i },
	{ word: 'afgørelse', pattern: /afgørelse|afgjort|afgøres/i },
	{ word: 'forældremyndighed', pattern: /forældremyndighed/i },
	{ word: 'PPR', pattern: /(^|[^\p{L}])PPR(?![\p{L}])/u },
	{ word: 'KUU', pattern: /(^|[^\p{L}])KUU(?![\p{L}])/u },
	{ word: 'STU', pattern: /(^|[^\p{L}])STU(?![\p{L}])/u }
];

/** The text without what stands in parentheses: a formal word there explains the plain words before it. */
function outsideParentheses(text: string): string {
	// Innermost first, until none is left: "(a (b) c)" goes whole.
	let rest = text;
	let before: string;
	do {
		before = rest;
		rest = rest.replace(/\([^()]*\)/g, ' ');
	} while (rest !== before);
	return rest;
}

/** The formal words a text uses without plain words before them (outside a parenthesis). */
export function unexplainedFormalWords(text: string): string[] {
	const plain = outsideParentheses(text);
	return FORMAL_WORDS.filter((w) => w.pattern.test(plain)).map((w) => w.word);
}
