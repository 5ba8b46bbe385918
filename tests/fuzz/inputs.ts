/**
 * What the fuzzer sends: fast-check arbitraries for bad input (wrong types, missing and extra
 * fields, huge strings, control and right-to-left characters, NUL, lone surrogates, prototype
 * keys, HTML and script payloads, SQL-looking text) and the encoders that turn a case into the
 * bytes of a request, including bytes a browser would never send (WTF-8 for lone surrogates).
 */
import fc from 'fast-check';

/** Injected code sets this global (and opens a dialog): the browser check looks for both. */
export const HIT = '__fuzzHit';

/** HTML and script payloads: each one would run code if a page put it into the DOM as markup. */
export const SCRIPT_PAYLOADS = [
	`<script>window.${HIT}=1;alert('fuzz')</script>`,
	`<img src=x onerror="window.${HIT}=1;alert('fuzz')">`,
	`"><svg onload=window.${HIT}=1>`,
	`'><iframe srcdoc="<script>parent.${HIT}=1</script>"></iframe>`,
	`</textarea></title><script>window.${HIT}=1</script>`,
	`<a href="javascript:window.${HIT}=1">klik</a>`,
	`javascript:window.${HIT}=1//`,
	` JaVaScRiPt:alert('fuzz')`,
	`<details open ontoggle=window.${HIT}=1>`,
	`<meta http-equiv="refresh" content="0;url=javascript:window.${HIT}=1">`,
	`<style>body{display:none}</style><b>fed</b>`,
	`{@html '<img src=x onerror=window.${HIT}=1>'}`,
	`\${window.${HIT}=1}{{constructor.constructor('window.${HIT}=1')()}}`
];

/** What a page may show of a stored payload: the raw start of each tag that would inject something. */
export const INJECTED_MARKUP = [
	`<script>window.${HIT}`,
	`<img src=x onerror=`,
	`<svg onload=`,
	`<iframe srcdoc=`,
	`<details open ontoggle=`,
	`<meta http-equiv="refresh"`,
	`<a href="javascript:`
];

/** SQL-looking text (it never names our tables, so an echo of it is not mistaken for a leak). */
const SQL = [
	`' OR '1'='1`,
	`'; DROP TABLE users; --`,
	`1); DELETE FROM people WHERE (1=1`,
	`" OR ""="`,
	`1 UNION ALL SELECT sqlite_version(), 2 --`,
	`%' AND 1=CAST(randomblob(1000000000) AS int) --`,
	`\\'; ATTACH DATABASE '/tmp/x.db' AS x; --`
];

const HUGE = [
	'x'.repeat(100_000),
	'<b>'.repeat(34_000),
	'\u202e'.repeat(100_000),
	'😀'.repeat(50_000),
	`${'a'.repeat(4000)}b`,
	'é'.repeat(4001),
	'\u0000'.repeat(5000)
];

const ODD = [
	'',
	' ',
	'\u0000',
	'a\u0000b',
	'\r\n\r\n',
	'\t\u000b\f',
	'\u202egnp.exe',
	'abc\u202edcba\u202c',
	'\u200b\u200e\u200f\u2066\u2069\ufeff',
	'\ud800',
	'a\udc00b',
	'\udbff\udbff',
	'e\u0301\u0308\u0327',
	'👩‍👩‍👧‍👦',
	'Z̷̢̛͉̗a̸̛̗l̷g̶o̵',
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'[object Object]',
	'-1',
	'0',
	'-0',
	'1.5',
	'1e309',
	'NaN',
	'Infinity',
	'9007199254740993',
	'0x10',
	' 7 ',
	'2026-02-30',
	'0000-01-01',
	'9999-12-31',
	'2026-13-01',
	'+275760-09-13',
	'2026-06-01T25:61',
	'../../../etc/passwd',
	'%00%2e%2e%2f',
	'\\\\server\\share',
	`'"\``,
	'%s%n%x',
	'department:',
	'parent:',
	'department:__proto__'
];

/** Any one UTF-16 unit of a surrogate pair, alone. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc
	.integer({ min: 0, max: 0x9f })
	.filter((c) => c < 0x20 || c >= 0x7f)
	.map((c) => String.fromCharCode(c));
const bidi = fc.constantFrom('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f');

/** A bad text value. */
export const badText: fc.Arbitrary<string> = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(...SCRIPT_PAYLOADS) },
	{ weight: 2, arbitrary: fc.constantFrom(...SQL) },
	{ weight: 4, arbitrary: fc.constantFrom(...ODD) },
	{ weight: 2, arbitrary: fc.constantFrom(...HUGE) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
	{
		weight: 2,
		arbitrary: fc.string({ unit: fc.oneof(control, bidi, loneSurrogate, fc.constantFrom('a', '<', '>', '"', "'", '&')), maxLength: 20 })
	},
	{ weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) }
);

/** Bad text short enough for a URL or a header (the huge strings would only be refused as too large). */
export const shortBadText: fc.Arbitrary<string> = badText.filter((s) => s.length <= 200);

/** A value for a field whose real values (from the rendered form) are `real`. */
export function valueFor(real: readonly string[]): fc.Arbitrary<string> {
	if (!real.length) return badText;
	const pick = fc.constantFrom(...real);
	return fc.oneof(
		{ weight: 3, arbitrary: pick },
		{ weight: 4, arbitrary: badText },
		{ weight: 1, arbitrary: fc.tuple(pick, badText).map(([a, b]) => a + b) }
	);
}

/** Field names a form never has: prototype keys, bracket and dot paths, odd bytes. */
export const strangeName: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom(
		'__proto__',
		'constructor',
		'prototype',
		'__proto__[polluted]',
		'constructor.prototype.polluted',
		'toString',
		'valueOf',
		''
	),
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.constantFrom(...SCRIPT_PAYLOADS.slice(0, 3))
);

export type Entry = { name: string; value: string; file: boolean };

/**
 * Form entries starting from the real form. Mostly the form as a person fills it with none, one or
 * two fields spoilt (a bad value, left out, sent twice, bad text appended), so the request reaches
 * the code behind the first check; sometimes every field at random. Plus now and then fields from
 * the source and fields no form has.
 */
export function formEntries(fields: Map<string, readonly string[]>, otherNames: readonly string[]): fc.Arbitrary<Entry[]> {
	const list = [...fields];
	const names = otherNames.length ? fc.oneof(fc.constantFrom(...otherNames), strangeName) : strangeName;
	const extra = fc.array(fc.record({ name: names, value: badText, file: fc.boolean() }), { maxLength: 2 });
	const filled = fc.tuple(...list.map(([, values]) => (values.length ? fc.constantFrom(...values) : badText)));
	const spoil = fc.record({
		index: fc.nat(Math.max(0, list.length - 1)),
		how: fc.constantFrom('bad', 'drop', 'twice', 'append'),
		value: badText
	});
	const oneOrTwoSpoilt = fc.tuple(filled, fc.array(spoil, { maxLength: 2 }), extra, fc.boolean()).map(([values, spoils, more, file]) => {
		const entries: Entry[] = [];
		list.forEach(([name], i) => {
			const hits = spoils.filter((s) => s.index === i);
			let value = values[i]!;
			let drop = false;
			for (const s of hits) {
				if (s.how === 'bad') value = s.value;
				else if (s.how === 'append') value += s.value;
				else if (s.how === 'drop') drop = true;
				else entries.push({ name, value: s.value, file: false });
			}
			if (!drop) entries.push({ name, value, file: file && hits.length > 0 });
		});
		return [...entries, ...more];
	});
	const chaos = fc
		.tuple(
			fc.tuple(
				...list.map(([name, values]) =>
					fc.tuple(fc.integer({ min: 0, max: 9 }), valueFor(values), valueFor(values), fc.boolean()).map(([roll, a, b, file]): Entry[] =>
						roll === 0
							? []
							: roll === 1
								? [
										{ name, value: a, file },
										{ name, value: b, file: false }
									]
								: [{ name, value: a, file }]
					)
				)
			),
			extra
		)
		.map(([lists, more]) => [...lists.flat(), ...more]);
	return fc.oneof({ weight: 3, arbitrary: oneOrTwoSpoilt }, { weight: 1, arbitrary: chaos });
}

/** Nested data of the wrong type for a JSON field. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.array(badText, { maxLength: 3 }),
	fc.dictionary(strangeName, badText, { maxKeys: 3 }),
	fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
	fc.constant(JSON.parse('['.repeat(2000) + ']'.repeat(2000)))
);

/** One JSON field's value: a real one, a bad string, or the wrong type. */
function jsonValue(real: readonly string[]): fc.Arbitrary<unknown> {
	return fc.oneof({ weight: 3, arbitrary: valueFor(real) }, { weight: 2, arbitrary: wrongType });
}

/** JSON text written by hand, so that `__proto__` and repeated keys reach the server as sent. */
function objectText(pairs: [string, unknown][]): string {
	return `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
}

/** A JSON body: an object with the known fields (some missing, some wrong, some extra) or something else entirely. */
export function jsonBody(fields: Map<string, readonly string[]>, otherNames: readonly string[]): fc.Arbitrary<string> {
	const own = [...fields].map(([name, values]) =>
		fc.option(jsonValue(values), { freq: 6, nil: undefined }).map((v): [string, unknown][] => (v === undefined ? [] : [[name, v]]))
	);
	const names = otherNames.length ? fc.oneof(fc.constantFrom(...otherNames), strangeName) : strangeName;
	const object = fc
		.tuple(fc.tuple(...own), fc.array(fc.tuple(names, jsonValue([])), { maxLength: 3 }))
		.map(([lists, more]) => objectText([...lists.flat(), ...more]));
	const odd = fc.constantFrom(
		'',
		'{',
		'{"body":',
		'null',
		'[]',
		'"text"',
		'42',
		'\u0000',
		'{"a":1}garbage',
		'{"__proto__":{"polluted":true},"toString":1,"valueOf":"x"}',
		'['.repeat(100_000),
		`{"body":"${'\\ud800'.repeat(10)}"}`,
		`{"x":"${'y'.repeat(600_000)}"}`
	);
	return fc.oneof(
		{ weight: 8, arbitrary: object },
		{ weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
		{ weight: 1, arbitrary: odd }
	);
}

/** Header values a client could send (fetch allows bytes 0x20–0xFF without CR/LF). */
export const headerText: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom(
		'en',
		'da',
		'xx',
		'*',
		'da-DK,da;q=0.9,en;q=0.8',
		'../../',
		'999999999999999999999',
		'-1',
		'NaN',
		'__proto__',
		'1e309',
		''
	),
	fc.string({
		unit: fc
			.integer({ min: 0x20, max: 0xff })
			.filter((c) => c !== 0x7f)
			.map((c) => String.fromCharCode(c)),
		maxLength: 40
	})
);

/** Extra request headers: language, event cursor, SvelteKit's action marker. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
	.record(
		{
			'accept-language': headerText,
			'last-event-id': headerText,
			'x-sveltekit-action': fc.constantFrom('true', 'false', ''),
			langCookie: headerText.map((v) => v.replace(/[;,\s"\\]/g, ''))
		},
		{ requiredKeys: [] }
	)
	.map(({ langCookie, ...headers }) => (langCookie === undefined ? headers : { ...headers, cookie: `minvej_lang=${langCookie}` }));

// ---- Encoders ---------------------------------------------------------------------------------

/** UTF-8, except that a lone surrogate is written as its own three bytes (WTF-8): not valid UTF-8. */
export function wtf8(text: string): Uint8Array {
	const bytes: number[] = [];
	for (let i = 0; i < text.length; i++) {
		let c = text.charCodeAt(i);
		const next = text.charCodeAt(i + 1);
		if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
			c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
			i++;
		}
		if (c < 0x80) bytes.push(c);
		else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
		else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
		else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
	}
	return Uint8Array.from(bytes);
}

/** application/x-www-form-urlencoded, byte by byte. */
export function urlEncode(pairs: readonly (readonly [string, string])[]): string {
	const encode = (text: string) =>
		Array.from(wtf8(text), (b) =>
			/[A-Za-z0-9*\-._]/.test(String.fromCharCode(b))
				? String.fromCharCode(b)
				: b === 0x20
					? '+'
					: `%${b.toString(16).toUpperCase().padStart(2, '0')}`
		).join('');
	return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

/** multipart/form-data with some entries as files. */
export function multipart(entries: readonly Entry[], boundary: string): Uint8Array {
	const chunks: Uint8Array[] = [];
	const text = (s: string) => chunks.push(new TextEncoder().encode(s));
	const quoted = (s: string) => s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	for (const entry of entries) {
		text(`--${boundary}\r\nContent-Disposition: form-data; name="`);
		chunks.push(wtf8(quoted(entry.name)));
		text(entry.file ? `"; filename="fuzz.txt"\r\nContent-Type: application/octet-stream\r\n\r\n` : `"\r\n\r\n`);
		chunks.push(wtf8(entry.value));
		text('\r\n');
	}
	text(`--${boundary}--\r\n`);
	return Buffer.concat(chunks);
}
