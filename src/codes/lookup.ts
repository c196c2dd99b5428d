/**
 * Error code lookup: reads a code in any form Windows, event logs and scripts
 * print it (hex with or without 0x, unsigned or signed decimal, inside a line
 * of text) or finds it by words of its message in any language.
 */
import { typoOf } from './typo.ts';
import type { CatalogEntry } from '../flow-format/schema.ts';

export type MatchKind = 'code' | 'partial' | 'words';

export interface Match {
  entry: CatalogEntry;
  kind: MatchKind;
  score: number;
}

export interface LookupResult {
  /** Ranked matches, best first; empty when nothing matches. */
  matches: Match[];
  /** Canonical codes read from the input, whether or not the catalog has them. */
  codes: string[];
  /** When nothing matches: the catalog codes closest to what was typed. */
  closest: CatalogEntry[];
}

const MAX_INPUT = 4096;
const HEX_WITH_PREFIX = /0x\s?([0-9a-f]{8})(?![0-9a-f])/gi;
const BARE_HEX = /(?<![0-9a-z])([0-9a-f]{8})(?![0-9a-z])/gi;
const DECIMAL = /(?<![0-9a-z.])(-?\d{9,10})(?![0-9.])/gi;
const PARTIAL_HEX = /^(?:0x)?([0-9a-f]{2,7})$/i;
const STOP_WORDS = new Set(
  'the a an is are was to of for that this be by with in on or and not could your you has have error code ошибка ошибки код не на что по для с в и или к от это этот был была'.split(
    ' ',
  ),
);

/** Formats a 32-bit value as a canonical code: 0x and 8 uppercase hex digits. */
export function toCanonical(value: number): string {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

/** Reads every error code in a piece of text: hex (any case, with or without 0x) and decimal. */
export function readCodes(input: string): string[] {
  const text = input.slice(0, MAX_INPUT);
  const found: string[] = [];
  const add = (code: string) => {
    if (!found.includes(code)) found.push(code);
  };
  for (const m of text.matchAll(HEX_WITH_PREFIX)) add(`0x${m[1]!.toUpperCase()}`);
  for (const m of text.matchAll(BARE_HEX)) {
    // A bare run of 8 digits is a decimal number, not a code, unless it has a hex letter.
    if (/[a-f]/i.test(m[1]!) || /^[89]/.test(m[1]!)) add(`0x${m[1]!.toUpperCase()}`);
  }
  for (const m of text.matchAll(DECIMAL)) {
    const n = Number(m[1]);
    // Unsigned values print as 2147483648…4294967295, signed ones as -2147483648…-1.
    if ((n >= 0x80000000 && n <= 0xffffffff) || (n < 0 && n >= -0x80000000)) add(toCanonical(n));
  }
  return found;
}

/** Splits text into lowercase words of letters and digits, in any script. */
export function words(text: string): string[] {
  return (
    text
      .slice(0, MAX_INPUT)
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function wordMatches(query: string, word: string): boolean {
  if (word.startsWith(query)) return true;
  // Loose stemming for inflected words (ключ/ключа, activate/activated).
  return query.length >= 5 && word.startsWith(query.slice(0, query.length - 2));
}

/**
 * How well query words match a message: 1 per exact word, 0.7 per prefix or stem, a bonus when
 * neighbours in the query are neighbours in the message; divided by the query length.
 */
function phraseScore(query: readonly string[], text: readonly string[]): number {
  let total = 0;
  let hits = 0;
  let prev = -2;
  for (const q of query) {
    let at = text.indexOf(q);
    let weight = 1;
    if (at < 0) {
      at = text.findIndex((w) => wordMatches(q, w));
      weight = 0.7;
    }
    if (at < 0) {
      prev = -2;
      continue;
    }
    hits++;
    total += weight + (at === prev + 1 ? 0.3 : 0);
    prev = at;
  }
  if (hits / query.length < 0.5) return 0;
  // Among equals, the shorter message is the closer match.
  return total / query.length + 1 / (text.length + 10);
}

/** Levenshtein distance: the edits (insert, delete, change) from one string to the other. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The catalog codes closest to a code (or partial code) that matched nothing. */
export function closestCodes(catalog: readonly CatalogEntry[], code: string, limit = 3): CatalogEntry[] {
  const digits = code.replace(/^0x/i, '').toUpperCase();
  const value = /^[0-9A-F]{8}$/.test(digits) ? parseInt(digits, 16) : undefined;
  // Among codes one typo away, the numerically nearest first: a neighbour in the same family.
  const gap = (entry: CatalogEntry) =>
    value === undefined ? 0 : Math.abs(parseInt(entry.code.slice(2), 16) - value);
  return catalog
    .map((entry) => ({ entry, d: editDistance(digits, entry.code.slice(2)), g: gap(entry) }))
    .sort((x, y) => x.d - y.d || x.g - y.g || x.entry.code.localeCompare(y.entry.code))
    .slice(0, limit)
    .map((x) => x.entry);
}

// Each entry's messages and aliases as words, split once rather than on every keystroke.
const entryWords = new WeakMap<CatalogEntry, string[][]>();
function wordsOf(entry: CatalogEntry): string[][] {
  let w = entryWords.get(entry);
  if (!w) {
    w = [entry.message.en, entry.message.ru, ...(entry.aliases ?? [])].map(words);
    entryWords.set(entry, w);
  }
  return w;
}

/** Finds catalog entries for any text a user may paste or type, best first. */
export function lookup(catalog: readonly CatalogEntry[], input: string): LookupResult {
  const codes = readCodes(input);
  if (codes.length > 0) {
    const matches: Match[] = [];
    for (const code of codes) {
      const entry = catalog.find((e) => e.code === code);
      if (entry) matches.push({ entry, kind: 'code', score: 1 });
    }
    // A whole code the catalog lacks is another code, not a near miss: only a genuine typo is suggested.
    return { matches, codes, closest: matches.length ? [] : typoOf(catalog, codes[0]!) };
  }

  const trimmed = input.trim();
  const partial = PARTIAL_HEX.exec(trimmed.replace(/\s+/g, ''));
  const matches: Match[] = [];
  if (partial) {
    const digits = partial[1]!.toUpperCase();
    for (const entry of catalog) {
      const at = entry.code.slice(2).indexOf(digits);
      if (at >= 0) matches.push({ entry, kind: 'partial', score: at === 0 ? 2 : 1 });
    }
  }

  const query = words(trimmed).filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
  if (query.length > 0 && !(partial && matches.length)) {
    for (const entry of catalog) {
      const score = Math.max(...wordsOf(entry).map((text) => phraseScore(query, text)));
      if (score >= 0.5) matches.push({ entry, kind: 'words', score });
    }
  }
  matches.sort((a, b) => b.score - a.score || a.entry.code.localeCompare(b.entry.code));
  const closest = matches.length === 0 && partial ? closestCodes(catalog, partial[1]!) : [];
  return { matches, codes, closest };
}

/** A catalog message without the code Windows prints in front of it, for lists that show the code beside it. */
export function messageAfterCode(entry: CatalogEntry, lang: 'en' | 'ru'): string {
  const message = entry.message[lang];
  const lead = message.slice(0, entry.code.length);
  return lead.toUpperCase() === entry.code.toUpperCase()
    ? message.slice(entry.code.length).replace(/^[\s:.-]+/, '')
    : message;
}
