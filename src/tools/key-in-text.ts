/**
 * Finding product keys inside any text (a pasted line, a saved answer, a command), to keep them out of
 * URLs and storage and to mask them in transcripts. Small on purpose: the first screen's search uses it.
 */
// A Windows product key: 5 groups of 5 letters or digits, split by hyphens, look-alike dashes or spaces
// (as pasted from mail or chat, perhaps with invisible format characters around the separators).
const KEY_SEPARATOR = '[-\\s\\p{Cf}\\u2010-\\u2015\\u2212\\uFE63\\uFF0D]{1,3}';
const KEY_GROUP = '[A-Za-z0-9]{5}';
const KEY_SOURCE = `(?<![A-Za-z0-9])${KEY_GROUP}(?:${KEY_SEPARATOR}${KEY_GROUP}){4}(?![A-Za-z0-9])`;

/** What a product key in a saved session is replaced with. */
export const KEY_REMOVED = '[product key removed]';

/** True when the text holds something that looks like a 25-character product key. */
export function hasProductKey(text: string): boolean {
  return new RegExp(KEY_SOURCE, 'u').test(text);
}

/** Replaces every product-key-looking part of a text with what `by` returns for it. */
export function replaceProductKeys(text: string, by: (key: string) => string): string {
  return text.replace(new RegExp(KEY_SOURCE, 'gu'), by);
}
