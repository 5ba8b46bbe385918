/**
 * LIX (läsbarhetsindex, Björnsson 1968), the readability index Danish schools and public bodies
 * use: the average sentence length in words plus the share of long words (more than six letters)
 * in per cent. Under 25 is very easy (children's books), 25–34 easy, 35–44 medium (newspapers),
 * 45–54 hard, 55 and over very hard (legal texts). Minvej keeps every page a young person reads at
 * 35 or under (issue 16).
 *
 * Hand-written (a few lines) rather than a package: the npm packages that compute readability
 * count syllables for English (Flesch and friends); LIX needs only words, long words and sentences.
 */

/** A word: a run of letters (any script), possibly joined by apostrophes or hyphens. Numbers are not words. */
const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;

export interface LixResult {
	lix: number;
	words: number;
	longWords: number;
	sentences: number;
}

/**
 * The LIX of a text. A sentence ends at `.`, `!`, `?`, `:` or a line break (a heading, a button,
 * a list item and a label are each a sentence of their own, as LIX counts them on screen);
 * a full stop inside a number or an abbreviation with a digit ("3. marts") does not end one.
 */
export function lix(text: string): LixResult {
	const sentences = text
		.split(/(?<!\d)[.!?:](?=\s|$)|\n+/u)
		.map((s) => s.match(WORD) ?? [])
		.filter((words) => words.length > 0);
	const words = sentences.flat();
	const longWords = words.filter((w) => w.replace(/['’-]/g, '').length > 6).length;
	if (words.length === 0) return { lix: 0, words: 0, longWords: 0, sentences: 0 };
	const value = words.length / sentences.length + (100 * longWords) / words.length;
	return { lix: Math.round(value * 10) / 10, words: words.length, longWords, sentences: sentences.length };
}
