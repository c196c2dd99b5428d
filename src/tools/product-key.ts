/** Windows product key format check: names each typing or pasting mistake and offers the key as it should be typed. */
import { CYRILLIC_LOOKALIKES, DASH_LOOKALIKES, KEY_ALPHABET } from '../redact/key-in-text.ts';
import type { Lookalike } from '../redact/key-in-text.ts';

export type KeyProblemKind =
  'empty' | 'length' | 'groups' | 'invalid-char' | 'cyrillic' | 'dash-lookalike' | 'spaces' | 'multiple-n';

export interface KeyProblem {
  kind: KeyProblemKind;
  /** 'invalid-char': the distinct offending characters (Cyrillic look-alikes already read as Latin); 'dash-lookalike': the distinct dashes. */
  chars?: string[];
  /** 'invalid-char' and 'cyrillic': 1-based positions among key characters (separators not counted). */
  positions?: number[];
  /** 'length': key characters found; 'multiple-n': number of Ns; 'dash-lookalike', 'spaces' and 'cyrillic': how many. */
  count?: number;
  /** 'length' and 'groups': the size of each of the five groups, when the key is written in five groups. */
  groups?: number[];
  /** 'cyrillic': each distinct Cyrillic letter and the Latin one it looks like. */
  lookalikes?: Lookalike[];
}

/** Something worth saying that is not a mistake: lowercase letters, which the suggestion puts in capitals. */
export interface KeyNote {
  kind: 'lowercase';
  /** The distinct lowercase letters. */
  chars: string[];
  /** 1-based positions among key characters. */
  positions: number[];
}

export interface KeyCheck {
  /** No problem: the key reads right, notes or not. */
  ok: boolean;
  problems: KeyProblem[];
  notes: KeyNote[];
  /** The key as it should be typed, whenever exactly 25 key characters remain after removing separators. */
  suggested: string | null;
}

/** Characters in a product key, not counting hyphens. */
export const KEY_LENGTH = 25;
const GROUP = 5;
const GROUPS = 5;

export {
  CYRILLIC_LOOKALIKES,
  DASH_LOOKALIKES,
  KEY_ALPHABET,
  findKeys,
  maskKey,
} from '../redact/key-in-text.ts';
export type { DashName, Lookalike } from '../redact/key-in-text.ts';
const VALID = new Set(KEY_ALPHABET);

// Whitespace of every kind plus format characters (zero-width space, BOM, bidi marks, soft hyphen):
// all invisible in a text box, all commonly picked up when copying from mail, chat or web pages.
const INVISIBLE = /^[\s\p{Cf}]$/u;
// Whitespace a person sees as a gap between groups (JavaScript's \s also takes the invisible BOM).
const GAP = /^(?!\uFEFF)\s$/u;

type Token =
  | { type: 'key'; text: string }
  | { type: 'hyphen' }
  | { type: 'dash'; char: string }
  // gap: holds real whitespace, which can separate groups; format characters alone cannot.
  | { type: 'space'; count: number; gap: boolean };

// Code points that belong to the character before them: combining marks (accents, variation selectors),
// emoji skin tones and tag characters. Intl.Segmenter is not used: in V8 it slows down quadratically on long text.
const EXTENDS = /^[\p{M}\p{Emoji_Modifier}\u{E0020}-\u{E007F}]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const REGIONAL = /^[\u{1F1E6}-\u{1F1FF}]$/u;

/** Splits text into user-perceived characters, close enough to Unicode graphemes that an emoji or accented letter counts once. */
function* clusters(text: string): Generator<string> {
  let current = '';
  let pictograph = false; // the current cluster starts with an emoji, so a joiner may glue the next emoji on
  let joinNext = false;
  let regionalPair = false;
  for (const c of text) {
    const regional = REGIONAL.test(c);
    const extend =
      c === '\u200D' || EXTENDS.test(c) || (joinNext && PICTOGRAPH.test(c)) || (regional && regionalPair);
    if (current && extend) {
      current += c;
      regionalPair = false;
    } else {
      if (current) yield current;
      current = c;
      pictograph = PICTOGRAPH.test(c);
      regionalPair = regional;
    }
    joinNext = pictograph && c === '\u200D';
  }
  if (current) yield current;
}

function single(c: string): Token {
  if (c === '-') return { type: 'hyphen' };
  if (Object.hasOwn(DASH_LOOKALIKES, c)) return { type: 'dash', char: c };
  if (INVISIBLE.test(c)) return { type: 'space', count: 1, gap: GAP.test(c) };
  return { type: 'key', text: c };
}

/** Classifies every character of the input once: O(n). */
function scan(input: string): Token[] {
  const tokens: Token[] = [];
  for (const g of clusters(input)) {
    if (g.length === 1 || (g.length === 2 && g.codePointAt(0)! > 0xffff)) {
      tokens.push(single(g));
      continue;
    }
    // A cluster: drop invisible code points stuck to a visible one ("X" + zero-width joiner),
    // but keep joiners and tags inside emoji sequences so the emoji is reported whole.
    const cps = Array.from(g);
    const kept: string[] = [];
    let dropped = 0;
    let gap = false;
    cps.forEach((c, i) => {
      const inner = kept.length > 0 && ((c === '\u200D' && i < cps.length - 1) || EXTENDS.test(c));
      if (INVISIBLE.test(c) && !inner) {
        dropped++;
        gap ||= GAP.test(c);
      } else kept.push(c);
    });
    if (dropped) tokens.push({ type: 'space', count: dropped, gap });
    if (kept.length === 1) tokens.push(single(kept[0]!));
    else if (kept.length > 1) tokens.push({ type: 'key', text: kept.join('') });
  }
  return tokens;
}

const isLowerAscii = (c: string) => c.length === 1 && c >= 'a' && c <= 'z';
const upperAscii = (c: string) => (isLowerAscii(c) ? c.toUpperCase() : c);

function group(chars: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += GROUP) parts.push(chars.slice(i, i + GROUP).join(''));
  return parts.join('-');
}

/** Sizes of the groups between separators: hyphens and dashes, or, when there are none, gaps of whitespace. */
function groupSizes(tokens: readonly Token[]): number[] {
  const byDash = tokens.some((t) => t.type === 'hyphen' || t.type === 'dash');
  const sizes: number[] = [];
  let size = 0;
  for (const t of tokens) {
    if (t.type === 'key') size++;
    else if (byDash ? t.type !== 'space' : t.type === 'space' && t.gap && size > 0) {
      sizes.push(size);
      size = 0;
    }
  }
  if (size > 0 || byDash) sizes.push(size);
  return sizes;
}

/** Checks a typed or pasted Windows product key and names every problem; never throws. */
export function checkProductKey(input: string): KeyCheck {
  const tokens = scan(typeof input === 'string' ? input : '');
  const keyChars: string[] = [];
  const invalid = new Set<string>();
  const invalidAt: number[] = [];
  const lower = new Set<string>();
  const lowerAt: number[] = [];
  const cyrillic = new Map<string, string>();
  const cyrillicAt: number[] = [];
  const dashes = new Set<string>();
  let dashCount = 0;
  let spaceCount = 0;
  let hyphens = 0;
  let nCount = 0;
  // Layout: five groups of five separated by single hyphens (or look-alikes); spaces ignored here.
  let groupSize = 0;
  let groupsSeen = 0;
  let layoutOk = true;

  for (const tok of tokens) {
    if (tok.type === 'space') {
      spaceCount += tok.count;
      continue;
    }
    if (tok.type === 'key') {
      // A Cyrillic look-alike is read as the Latin letter it looks like, and named as a problem of its own.
      const latin = Object.hasOwn(CYRILLIC_LOOKALIKES, tok.text) ? CYRILLIC_LOOKALIKES[tok.text]! : null;
      const c = latin ?? tok.text;
      keyChars.push(c);
      const pos = keyChars.length;
      if (latin) {
        cyrillic.set(tok.text, latin);
        cyrillicAt.push(pos);
      }
      const upper = upperAscii(c);
      if (isLowerAscii(c)) {
        lower.add(c);
        lowerAt.push(pos);
      }
      if (!VALID.has(upper)) {
        invalid.add(c);
        invalidAt.push(pos);
      }
      if (upper === 'N') nCount++;
      groupSize++;
      continue;
    }
    if (tok.type === 'dash') {
      dashes.add(tok.char);
      dashCount++;
    }
    hyphens++;
    if (groupSize !== GROUP) layoutOk = false;
    groupsSeen++;
    groupSize = 0;
  }
  if (groupSize !== GROUP || groupsSeen !== GROUPS - 1) layoutOk = false;

  if (keyChars.length === 0 && hyphens === 0)
    return { ok: false, problems: [{ kind: 'empty' }], notes: [], suggested: null };

  // Five groups, some of the wrong size: say which, so the missing or extra character is found quickly.
  const sizes = groupSizes(tokens);
  const groups = sizes.length === GROUPS && sizes.some((n) => n !== GROUP) ? { groups: sizes } : {};

  const problems: KeyProblem[] = [];
  if (invalid.size) problems.push({ kind: 'invalid-char', chars: [...invalid], positions: invalidAt });
  if (cyrillic.size)
    problems.push({
      kind: 'cyrillic',
      lookalikes: [...cyrillic].map(([char, latin]) => ({ char, latin })),
      positions: cyrillicAt,
      count: cyrillicAt.length,
    });
  if (keyChars.length !== KEY_LENGTH) problems.push({ kind: 'length', count: keyChars.length, ...groups });
  // Only with the right number of characters is the layout a problem of its own; otherwise it is the length.
  else if (!layoutOk) problems.push({ kind: 'groups', ...groups });
  if (nCount > 1) problems.push({ kind: 'multiple-n', count: nCount });
  if (dashes.size) problems.push({ kind: 'dash-lookalike', chars: [...dashes], count: dashCount });
  if (spaceCount) problems.push({ kind: 'spaces', count: spaceCount });
  // Lowercase is no mistake: the letters are the same, and the suggestion gives them in capitals.
  const notes: KeyNote[] = lower.size ? [{ kind: 'lowercase', chars: [...lower], positions: lowerAt }] : [];

  const suggested = keyChars.length === KEY_LENGTH ? group(keyChars.map(upperAscii)) : null;
  return { ok: problems.length === 0, problems, notes, suggested };
}
