/**
 * The one place that finds and masks Windows product keys inside any text (a pasted line, a search, a saved
 * answer, a command, a transcript). Storage, the transcript, the home search and the key checker all use it.
 * Small on purpose: the first screen's search uses it.
 */

/**
 * Cyrillic letters that look like Latin ones, and the Latin letter each is read as: a key typed on a Russian
 * keyboard layout, or copied from a document someone typed that way. Lowercase в, к, м, н and т look like
 * small capitals, so they are read as the capital.
 */
export const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ԛ: 'Q',
  Ѕ: 'S',
  Т: 'T',
  Ԝ: 'W',
  Х: 'X',
  У: 'Y',
  Ү: 'Y',
  а: 'a',
  в: 'B',
  с: 'c',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  к: 'K',
  м: 'M',
  н: 'H',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 'T',
  ԝ: 'w',
  х: 'x',
  у: 'y',
  ү: 'y',
};

/** A Cyrillic letter typed where the Latin letter it looks like belongs. */
export interface Lookalike {
  /** The Cyrillic letter as typed. */
  char: string;
  /** The Latin letter it looks like, which the suggestion puts in its place. */
  latin: string;
}

/** Names of the hyphen look-alikes, used as translation keys. */
export type DashName =
  | 'hyphen'
  | 'non-breaking-hyphen'
  | 'figure-dash'
  | 'en-dash'
  | 'em-dash'
  | 'horizontal-bar'
  | 'minus'
  | 'small-hyphen-minus'
  | 'fullwidth-hyphen-minus';

/** Characters that look like a hyphen but are not the ASCII hyphen-minus that Windows expects. */
export const DASH_LOOKALIKES: Readonly<Record<string, DashName>> = {
  '\u2010': 'hyphen',
  '\u2011': 'non-breaking-hyphen',
  '\u2012': 'figure-dash',
  '\u2013': 'en-dash',
  '\u2014': 'em-dash',
  '\u2015': 'horizontal-bar',
  '\u2212': 'minus',
  '\uFE63': 'small-hyphen-minus',
  '\uFF0D': 'fullwidth-hyphen-minus',
};

const GROUP = 5;
const GROUPS = 5;
const KEY_LENGTH_GLUED = GROUP * GROUPS;
/** Characters used in Windows product keys: 24 letters and digits, plus N since Windows 8. */
export const KEY_ALPHABET = 'BCDFGHJKMPQRTVWXY2346789N';

// Spaces a paste can put between groups, including invisible format characters (zero-width space, BOM,
// bidi marks, soft hyphen) picked up from mail, chat or web pages. Never a line break: a key is on one line.
// Every other kind of space (thin, em, ideographic...) is folded to a plain one first (see fold).
const SP = '[ \\t\\p{Cf}]';
// The hyphen and its look-alikes.
const DASH = `[\\-${Object.keys(DASH_LOOKALIKES).join('')}]`;
// Bounded quantifiers keep the scan linear on any input. A slash or an underscore joins groups too.
const SEP = `(?:${SP}{0,2}(?:${DASH}|[/_])${SP}{0,2}|${SP}{1,3})`;
// Key characters as typed: Latin letters and digits, and the Cyrillic letters that look like Latin ones
// (a key typed on a Russian keyboard layout, or copied from a document that swapped them).
const CHAR = `[A-Za-z0-9${Object.keys(CYRILLIC_LOOKALIKES).join('')}]`;
// A run of five or more groups of five (a key, a key after a five-letter word such as "Enter", keys side by
// side), or 25 key characters typed without separators. A run of groups may be glued to a word on either
// side (a console line rejoined without its break: "...-2YT43was rejected"); keysInRun then judges it.
const RUN = new RegExp(
  `${CHAR}{5}(?:${SEP}${CHAR}{5}){4,}|(?<!${CHAR})[${KEY_ALPHABET}${KEY_ALPHABET.toLowerCase()}]{25}(?!${CHAR})`,
  'gu',
);
const GROUP_OF_FIVE = new RegExp(`${CHAR}{5}`, 'gu');
const ONE_CHAR = new RegExp(CHAR, 'gu');
const latin = (c: string) => (Object.hasOwn(CYRILLIC_LOOKALIKES, c) ? CYRILLIC_LOOKALIKES[c]! : c);
const HAS_DASH = new RegExp(DASH, 'u');
const HAS_DIGIT = /[0-9]/;
const VALID = new Set(KEY_ALPHABET + KEY_ALPHABET.toLowerCase());
// Every kind of space (Unicode's space separators), and fullwidth ASCII (what NFKC turns into ASCII in a key).
const FOLDS = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFF01-\uFF5E]/g;

/**
 * The text as the key pattern reads it, as long as the text: any space becomes ' ', and a fullwidth letter,
 * digit or sign its ASCII one (Ｋ, ３, －), as NFKC normalization would.
 */
const fold = (text: string) =>
  text.replace(FOLDS, (c) => (c < '\uFF00' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** Where a key sits in a text: `text.slice(start, end)`. */
export interface KeySpan {
  start: number;
  end: number;
}

const validIn = (s: string) => Array.from(s).filter((c) => VALID.has(latin(c))).length;

/** Picks the non-overlapping windows of five groups that look most like keys: most characters from the key alphabet. */
function keysInRun(run: string, offset: number, out: KeySpan[]): void {
  const groups = Array.from(run.matchAll(GROUP_OF_FIVE), (g) => ({ start: g.index, valid: validIn(g[0]) }));
  const k = groups.length;
  const end = (i: number) => groups[i + GROUPS - 1]!.start + GROUP;
  const score = (i: number) => {
    const s = run.slice(groups[i]!.start, end(i));
    // Five words of five letters are ordinary prose; keys nearly always hold a digit.
    if (!HAS_DASH.test(s) && !HAS_DIGIT.test(s)) return -1;
    let sum = 0;
    for (let j = i; j < i + GROUPS; j++) sum += groups[j]!.valid;
    return sum;
  };
  // best[i]: the highest total score using groups i..k-1; ties go to the earlier window.
  const best = new Array<number>(k + 1).fill(0);
  const take = new Array<boolean>(k).fill(false);
  for (let i = k - 1; i >= 0; i--) {
    best[i] = best[i + 1]!;
    if (i + GROUPS > k) continue;
    const w = score(i);
    if (w >= 0 && w + best[i + GROUPS]! >= best[i]!) {
      best[i] = w + best[i + GROUPS]!;
      take[i] = true;
    }
  }
  for (let i = 0; i < k;) {
    if (take[i]) {
      out.push({ start: offset + groups[i]!.start, end: offset + end(i) });
      i += GROUPS;
    } else i++;
  }
}

/** Where product keys sit in a text, in order: five groups of five (any case, fullwidth too; hyphens, look-alike dashes, any space, slashes or underscores between) or 25 key characters in a row. */
export function keySpans(text: string): KeySpan[] {
  if (typeof text !== 'string') return [];
  return spansIn(fold(text));
}

function spansIn(text: string): KeySpan[] {
  const spans: KeySpan[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    // A glued run is a key only with a digit in it: 25 letters are a word.
    if (run.length === KEY_LENGTH_GLUED) {
      if (HAS_DIGIT.test(run)) spans.push({ start: m.index, end: m.index + run.length });
    } else keysInRun(run, m.index, spans);
  }
  return spans;
}
/** The substrings of a text that look like product keys. */
export function findKeys(text: string): string[] {
  return keySpans(text).map((s) => text.slice(s.start, s.end));
}

/** True when the text holds something that looks like a product key. */
export function hasProductKey(text: string): boolean {
  return keySpans(text).length > 0;
}

/** Replaces every product key in a text with what `by` returns for it. */
export function replaceProductKeys(text: string, by: (key: string) => string): string {
  const spans = keySpans(text);
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + by(text.slice(s.start, s.end));
    at = s.end;
  }
  return out + text.slice(at);
}

/** What a product key in a saved session is replaced with. */
export const KEY_REMOVED = '[product key removed]';

/** Takes every product key out of a text, as it is saved. */
export function stripKeys(text: string): string {
  return replaceProductKeys(text, () => KEY_REMOVED);
}

/** Hides all but a key's last five characters, as Windows shows a partial key: XXXXX-XXXXX-XXXXX-XXXXX-3V66T. */
export function maskKey(key: string): string {
  const chars = typeof key === 'string' ? (fold(key).match(ONE_CHAR) ?? []).map(latin) : [];
  const keep = Math.max(0, chars.length - GROUP);
  const shown = chars.map((c, i) => (i < keep ? 'X' : c.toUpperCase()));
  const parts: string[] = [];
  for (let i = 0; i < shown.length; i += GROUP) parts.push(shown.slice(i, i + GROUP).join(''));
  return parts.join('-');
}

/** Masks every product key in a text (for transcripts and anything else shown or shared). */
export function maskKeysIn(text: string): string {
  return replaceProductKeys(text, maskKey);
}

/**
 * A copy of any value (a string, an array, a plain object, nested) with `by` applied to every string in it,
 * object keys included; the same value back when nothing changed. Strings, numbers and the rest pass as they are.
 */
export function deepMap<T>(value: T, by: (text: string) => string): T {
  if (typeof value === 'string') return by(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  let changed = false;
  const map = (v: unknown) => {
    const m = deepMap(v, by);
    if (m !== v) changed = true;
    return m;
  };
  const out = Array.isArray(value)
    ? value.map(map)
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [map(k), map(v)]));
  return (changed ? out : value) as T;
}

/** Takes every product key out of every string in a value, as it is saved or put in a history entry. */
export function stripKeysDeep<T>(value: T): T {
  return deepMap(value, stripKeys);
}
